namespace CustomerRisk.Policy.Tests;

public sealed class RiskMatrixTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    [Theory]
    [InlineData("0.0199", RiskLevel.Low)]
    [InlineData("0.02", RiskLevel.Medium)]
    [InlineData("0.10", RiskLevel.Medium)]
    [InlineData("0.1001", RiskLevel.High)]
    public void ProbabilityLevel_FollowsThePdBands(string pd, RiskLevel expected)
    {
        var result = RiskMatrix.Assess(decimal.Parse(pd, System.Globalization.CultureInfo.InvariantCulture), 0m, s_policy);

        Assert.Equal(expected, result.Probability);
    }

    [Theory]
    [InlineData("0.0099", RiskLevel.Low)]
    [InlineData("0.01", RiskLevel.Medium)]
    [InlineData("0.05", RiskLevel.Medium)]
    [InlineData("0.0501", RiskLevel.High)]
    public void ImpactLevel_FollowsTheExposureShareBands(string share, RiskLevel expected)
    {
        var result = RiskMatrix.Assess(0m, decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), s_policy);

        Assert.Equal(expected, result.Impact);
    }

    [Theory]
    [InlineData("0.20", "0.10", Severity.Extreme)]
    [InlineData("0.20", "0.02", Severity.High)]
    [InlineData("0.20", "0.001", Severity.Medium)]
    [InlineData("0.05", "0.10", Severity.High)]
    [InlineData("0.05", "0.02", Severity.Medium)]
    [InlineData("0.05", "0.001", Severity.Low)]
    [InlineData("0.01", "0.10", Severity.Medium)]
    [InlineData("0.01", "0.02", Severity.Low)]
    [InlineData("0.01", "0.001", Severity.Low)]
    public void Severity_IsTheSpecsTable(string pd, string share, Severity expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(expected, RiskMatrix.Assess(decimal.Parse(pd, inv), decimal.Parse(share, inv), s_policy).Severity);
    }

    [Fact]
    public void ExposureShare_ComesFromAmounts_AndIsZeroForAnEmptyPortfolio()
    {
        Assert.Equal(0.06m, RiskMatrix.ExposureShare(60_000m, 1_000_000m));
        Assert.Equal(0m, RiskMatrix.ExposureShare(60_000m, 0m));
        Assert.Equal(Severity.Extreme, RiskMatrix.Assess(0.2m, 60_000m, 1_000_000m, s_policy).Severity);
    }

    [Fact]
    public void ProbabilitiesOutsideZeroToOne_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMatrix.Assess(1.2m, 0m, s_policy));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMatrix.Assess(0.1m, -0.1m, s_policy));
    }
}
