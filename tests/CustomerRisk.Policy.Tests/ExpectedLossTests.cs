using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Policy.Tests;

public sealed class ExpectedLossTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;
    private static readonly DateOnly s_asOf = new(2025, 6, 30);

    [Fact]
    public void WithoutCover_ElIsPdTimesFortyFivePercentTimesEad()
    {
        // 0.05 × 0.45 × 100,000 = 2,250
        var result = ExpectedLoss.Compute(0.05m, 100_000m, [], s_asOf, s_policy);

        Assert.Equal(2_250m, result.ExpectedLoss);
        Assert.Equal(0.45m, result.EffectiveLgd);
    }

    [Fact]
    public void ValidCover_AfterItsHaircut_LowersLgdInProportion()
    {
        // cover 50,000 × (1 − 0.2) = 40,000; LGD_eff = 0.45 × 60,000 / 100,000 = 0.27; EL = 0.05 × 0.27 × 100,000 = 1,350
        var result = ExpectedLoss.Compute(0.05m, 100_000m, [new CreditCover(50_000m, 0.2m, null, "bank guarantee")], s_asOf, s_policy);

        Assert.Equal(40_000m, result.Cover);
        Assert.Equal(0.27m, result.EffectiveLgd);
        Assert.Equal(1_350m, result.ExpectedLoss);
        Assert.Contains(result.Log, s => s.Name == "cover" && s.Detail == "bank guarantee: 50000 × (1 − 0.2)");
    }

    [Theory]
    [InlineData("2025-06-29", 2_250)]
    [InlineData("2025-06-30", 1_350)]
    public void CoverExpiredBeforeT_DoesNotCount_ButCountsOnItsExpiryDay(string expiry, int expectedLoss)
    {
        var cover = new CreditCover(50_000m, 0.2m, DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture));

        var result = ExpectedLoss.Compute(0.05m, 100_000m, [cover], s_asOf, s_policy);

        Assert.Equal(expectedLoss, result.ExpectedLoss);
    }

    [Fact]
    public void CoverAboveTheExposure_LeavesNoLoss()
    {
        var result = ExpectedLoss.Compute(0.5m, 10_000m, [new CreditCover(20_000m, 0m, null)], s_asOf, s_policy);

        Assert.Equal(0m, result.EffectiveLgd);
        Assert.Equal(0m, result.ExpectedLoss);
    }

    [Fact]
    public void NoExposure_HasNoLoss_AndKeepsThePolicyLgd()
    {
        var result = ExpectedLoss.Compute(0.5m, 0m, [new CreditCover(20_000m, 0m, null)], s_asOf, s_policy);

        Assert.Equal(0m, result.ExpectedLoss);
        Assert.Equal(0.45m, result.EffectiveLgd);
    }

    [Fact]
    public void BadInputs_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedLoss.Compute(1.1m, 1m, [], s_asOf, s_policy));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedLoss.Compute(0.1m, -1m, [], s_asOf, s_policy));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedLoss.Compute(0.1m, 1m, [new CreditCover(1m, 1.5m, null)], s_asOf, s_policy));
    }

    [Fact]
    public void OnAmount_IsPdTimesLgdTimesAmount()
    {
        Assert.Equal(450m, ExpectedLoss.OnAmount(0.1m, 0.45m, 10_000m));
    }

    [Fact]
    public void WithoutExplanation_TheFiguresAreTheSame_AndTheLogIsEmpty()
    {
        var cases = from pd in Gen.Choose(0, 10_000)
                    from ead in Gen.Choose(0, int.MaxValue)
                    from value in Gen.Choose(0, 1_000_000)
                    from haircut in Gen.Choose(0, 100)
                    from expiredDaysAgo in Gen.Choose(-30, 30)
                    select (pd / 10_000m, (decimal)ead, new CreditCover(value, haircut / 100m, s_asOf.AddDays(-expiredDaysAgo), "cover"));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (pd, ead, cover) = c;
            var explained = ExpectedLoss.Compute(pd, ead, [cover], s_asOf, s_policy);
            var bare = ExpectedLoss.Compute(pd, ead, [cover], s_asOf, s_policy, explain: false);
            return bare.Log.Count == 0 && explained.Log.Count > 0 && bare == explained with { Log = bare.Log };
        }).QuickCheckThrowOnFailure();
    }
}
