using CustomerRisk.Domain;

namespace CustomerRisk.Policy.Tests;

public sealed class PolicyCodesTests
{
    [Fact]
    public void EveryComparisonSeverityAndDunningLevel_HasTheCodeThePolicyFileUses()
    {
        Assert.All(PolicyCodes.Comparisons, p => Assert.Equal(p.Key, p.Value.ToCode()));
        Assert.All(PolicyCodes.Severities, p => Assert.Equal(p.Key, p.Value.ToCode()));
        Assert.All(PolicyCodes.DunningLevels, p => Assert.Equal(p.Key, p.Value.ToCode()));
        Assert.Equal("none", DunningLevel.None.ToCode());
        Assert.Equal(Enum.GetValues<Comparison>().Length, PolicyCodes.Comparisons.Count);
        Assert.Equal(Enum.GetValues<Severity>().Length, PolicyCodes.Severities.Count);
    }

    [Fact]
    public void AnUndefinedValue_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Severity)99).ToCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Comparison)(-1)).ToCode());
    }

    [Fact]
    public void EveryGrade_IsItsLetter()
    {
        Assert.All(Enum.GetValues<Grade>(), g => Assert.Equal(g.ToString(), g.ToCode()));
    }
}
