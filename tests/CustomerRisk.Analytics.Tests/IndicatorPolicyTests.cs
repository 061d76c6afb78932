using System.Collections.Immutable;

namespace CustomerRisk.Analytics.Tests;

public sealed class IndicatorPolicyTests
{
    [Fact]
    public void Default_HasTheSpecsSettings_AndIsValid()
    {
        var policy = IndicatorPolicy.Default.Validate();

        Assert.Equal(365, policy.ReviewWindowDays);
        Assert.Equal(365, policy.PriorWindowDays);
        Assert.Equal([0, 30, 60, 90, 180], policy.AgingBucketEdges.ToArray());
        Assert.Equal(91, policy.RecentWindowDays);
        Assert.Equal(273, policy.PriorBehaviourWindowDays);
        Assert.Equal(730, policy.IntervalLookbackDays);
        Assert.Equal(90, policy.ComplaintsWindowDays);
        Assert.Equal(180, policy.BrokenPromisesWindowDays);
        Assert.Equal(0.005m, policy.SettleTolerance);
    }

    public static TheoryData<string, IndicatorPolicy> BadPolicies => new()
    {
        { "ReviewWindowDays", IndicatorPolicy.Default with { ReviewWindowDays = 0 } },
        { "PriorWindowDays", IndicatorPolicy.Default with { PriorWindowDays = -1 } },
        { "RecentWindowDays", IndicatorPolicy.Default with { RecentWindowDays = 0 } },
        { "PriorBehaviourWindowDays", IndicatorPolicy.Default with { PriorBehaviourWindowDays = 0 } },
        { "IntervalLookbackDays", IndicatorPolicy.Default with { IntervalLookbackDays = 0 } },
        { "ComplaintsWindowDays", IndicatorPolicy.Default with { ComplaintsWindowDays = 0 } },
        { "BrokenPromisesWindowDays", IndicatorPolicy.Default with { BrokenPromisesWindowDays = 0 } },
        { "ReviewWindowDays", IndicatorPolicy.Default with { ReviewWindowDays = 10_000_000 } },
        { "AgingBucketEdges", IndicatorPolicy.Default with { AgingBucketEdges = [0, 30, 60, 90] } },
        { "AgingBucketEdges", IndicatorPolicy.Default with { AgingBucketEdges = [0, 30, 30, 90, 180] } },
        { "AgingBucketEdges", IndicatorPolicy.Default with { AgingBucketEdges = [0, 60, 30, 90, 180] } },
        { "AgingBucketEdges", IndicatorPolicy.Default with { AgingBucketEdges = [-1, 30, 60, 90, 180] } },
        { "AgingBucketEdges", IndicatorPolicy.Default with { AgingBucketEdges = default } },
        { "SettleTolerance", IndicatorPolicy.Default with { SettleTolerance = -0.01m } },
        { "SettleTolerance", IndicatorPolicy.Default with { SettleTolerance = 1m } },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Validate_RefusesABadSetting_NamingIt(string setting, IndicatorPolicy policy)
    {
        var error = Assert.Throws<ArgumentException>(() => policy.Validate());

        Assert.Equal(setting, error.ParamName);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RefusesAnInvalidPolicy()
    {
        var policy = IndicatorPolicy.Default with { AgingBucketEdges = ImmutableArray.Create(0, 30) };

        Assert.Throws<ArgumentException>(() =>
            IndicatorCalculator.Compute(new LedgerBuilder().Build(), new DateOnly(2025, 6, 30), policy));
    }
}
