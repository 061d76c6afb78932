namespace CustomerRisk.Policy.Tests;

public sealed class DunningTests
{
    [Theory]
    [InlineData(0, DunningLevel.None, "none")]
    [InlineData(1, DunningLevel.L1, "reminder")]
    [InlineData(15, DunningLevel.L1, "reminder")]
    [InlineData(16, DunningLevel.L2, "call")]
    [InlineData(30, DunningLevel.L2, "call")]
    [InlineData(31, DunningLevel.L3, "formal notice and order hold")]
    [InlineData(60, DunningLevel.L3, "formal notice and order hold")]
    [InlineData(61, DunningLevel.L4, "legal or agency")]
    [InlineData(5000, DunningLevel.L4, "legal or agency")]
    public void Level_FollowsTheOldestDaysPastDue(int oldestDpd, DunningLevel level, string action)
    {
        var step = Dunning.LevelFor(oldestDpd, CreditPolicy.Default);

        Assert.Equal((level, action, oldestDpd), (step.Level, step.Action, step.OldestDpd));
    }

    [Fact]
    public void NegativeDaysPastDue_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dunning.LevelFor(-1, CreditPolicy.Default));
    }
}
