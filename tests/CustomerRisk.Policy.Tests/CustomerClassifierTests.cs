using CustomerRisk.Domain;

namespace CustomerRisk.Policy.Tests;

public sealed class CustomerClassifierTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    private static readonly ClassificationInputs s_loyalBigCustomer =
        new(Grade.A, 0.005m, 0.03m, 60, ProductFocus.Exclusive, 0.1m, false);

    [Fact]
    public void LargeLoyalCustomer_IsHighValue_KeyPartner()
    {
        var result = CustomerClassifier.Classify(s_loyalBigCustomer, s_policy);

        Assert.Equal(CustomerClass.HighValue, result.Class);
        Assert.Equal("high_value_loyal", result.GridCell);
        Assert.Equal("key partner: keep and grow", result.Strategy);
    }

    [Theory]
    [InlineData("0.02", ValueLevel.High, CustomerClass.HighValue)]
    [InlineData("0.0199", ValueLevel.Medium, CustomerClass.Ordinary)]
    [InlineData("0.005", ValueLevel.Medium, CustomerClass.Ordinary)]
    [InlineData("0.0049", ValueLevel.Low, CustomerClass.Ordinary)]
    public void ValueLevel_FollowsTheRevenueShare(string share, ValueLevel value, CustomerClass expected)
    {
        var result = CustomerClassifier.Classify(s_loyalBigCustomer with { RevenueShare = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture) }, s_policy);

        Assert.Equal((value, expected), (result.Value, result.Class));
    }

    [Theory]
    [InlineData(Grade.D, "0.005")]
    [InlineData(Grade.B, "0.1001")]
    public void GradeDOrPdAboveTenPercent_IsHighRisk_EvenWhenLarge(Grade grade, string pd)
    {
        var result = CustomerClassifier.Classify(s_loyalBigCustomer with { Grade = grade, Pd = decimal.Parse(pd, System.Globalization.CultureInfo.InvariantCulture) }, s_policy);

        Assert.Equal(CustomerClass.HighRisk, result.Class);
        Assert.Contains(result.Reasons, r => r.StartsWith("high risk", StringComparison.Ordinal));
    }

    [Fact]
    public void PdOfExactlyTenPercent_IsNotHighRisk()
    {
        Assert.Equal(CustomerClass.HighValue, CustomerClassifier.Classify(s_loyalBigCustomer with { Pd = 0.10m }, s_policy).Class);
    }

    [Theory]
    [InlineData(23, ProductFocus.Exclusive, "0", false)]
    [InlineData(24, ProductFocus.Exclusive, "0", true)]
    [InlineData(60, ProductFocus.Equal, "0", false)]
    [InlineData(60, ProductFocus.MainlyOurs, "-0.50", true)]
    [InlineData(60, ProductFocus.MainlyOurs, "-0.51", false)]
    public void Loyalty_NeedsHistoryFocusAndSteadyPurchases(int months, ProductFocus focus, string change, bool loyal)
    {
        var inputs = s_loyalBigCustomer with { HistoryMonths = months, Focus = focus, FrequencyChange = decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(loyal, CustomerClassifier.Classify(inputs, s_policy).Loyal);
    }

    [Fact]
    public void DormantCustomer_IsNotLoyal_AtRiskOfLoss()
    {
        var result = CustomerClassifier.Classify(s_loyalBigCustomer with { Dormant = true }, s_policy);

        Assert.False(result.Loyal);
        Assert.Equal("at risk of loss: win back", result.Strategy);
    }

    [Fact]
    public void UnknownFocusAndTrend_AreLeftOut_ButUnknownHistoryIsNotLoyal()
    {
        Assert.True(CustomerClassifier.Classify(s_loyalBigCustomer with { Focus = null, FrequencyChange = null, Dormant = null }, s_policy).Loyal);
        Assert.False(CustomerClassifier.Classify(s_loyalBigCustomer with { HistoryMonths = null }, s_policy).Loyal);
    }
}
