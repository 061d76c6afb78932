namespace CustomerRisk.Policy;

/// <summary>The risk matrix (seed 003: 风险矩阵): severity from the probability level (PD: low below 2%, medium 2–10%,
/// high above 10%) and the impact level (exposure share of the portfolio: low below 1%, medium 1–5%, high above 5%).</summary>
public static class RiskMatrix
{
    /// <summary>The severity of a customer with PD <paramref name="pd"/> (0–1) whose exposure is
    /// <paramref name="exposureShare"/> (0–1) of the portfolio's.</summary>
    public static RiskAssessment Assess(decimal pd, decimal exposureShare, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (pd < 0m || pd > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(pd), pd, "A probability of default lies in 0–1.");
        }

        if (exposureShare < 0m || exposureShare > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(exposureShare), exposureShare, "An exposure share lies in 0–1.");
        }

        var m = policy.RiskMatrix;
        var probability = Level(pd, m.ProbabilityMediumFrom, m.ProbabilityHighAbove);
        var impact = Level(exposureShare, m.ImpactMediumFrom, m.ImpactHighAbove);
        return new RiskAssessment(probability, impact, m.SeverityOf(probability, impact));
    }

    /// <summary>The same from amounts: exposure share = exposure / portfolio exposure (0 when the portfolio has none).</summary>
    public static RiskAssessment Assess(decimal pd, decimal exposure, decimal portfolioExposure, CreditPolicy policy) =>
        Assess(pd, ExposureShare(exposure, portfolioExposure), policy);

    /// <summary>exposure / portfolio exposure, clamped to 0–1; 0 when the portfolio exposure is 0 or less.</summary>
    public static decimal ExposureShare(decimal exposure, decimal portfolioExposure) =>
        portfolioExposure <= 0m ? 0m : Math.Clamp(exposure / portfolioExposure, 0m, 1m);

    private static RiskLevel Level(decimal value, decimal mediumFrom, decimal highAbove) =>
        value > highAbove ? RiskLevel.High : value >= mediumFrom ? RiskLevel.Medium : RiskLevel.Low;
}
