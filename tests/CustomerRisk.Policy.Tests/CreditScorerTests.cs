using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Policy.Tests;

public sealed class CreditScorerTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    internal static readonly ScoreInputs Clean = new()
    {
        NetCollectionRate = 1.00m, MaxDaysLate = 0, PaymentDelayRate = 0m, OverdueShare = 0m, OldestDpd = 0,
        Utilisation = 0.6m, Sales12m = 500_000m, HistoryMonths = 120, Complaints90d = 0, BrokenPromises180d = 0,
    };

    internal static readonly ScoreInputs Average = new()
    {
        NetCollectionRate = 0.97m, MaxDaysLate = 7, PaymentDelayRate = 0.2m, OverdueShare = 0.15m, OldestDpd = 10,
        Utilisation = 0.7m, Sales12m = 200_000m, HistoryMonths = 36, Complaints90d = 1, BrokenPromises180d = 0,
    };

    internal static readonly ScoreInputs LateWithBrokenPromises = new()
    {
        NetCollectionRate = 0.85m, MaxDaysLate = 75, PaymentDelayRate = 0.6m, OverdueShare = 0.5m, OldestDpd = 75,
        Utilisation = 1.05m, Sales12m = 200_000m, HistoryMonths = 36, Complaints90d = 2, BrokenPromises180d = 2,
    };

    [Fact]
    public void CleanLongStandingCustomer_ScoresAbout737_WithPdBelowOnePercent()
    {
        // 400 + 55 + 60 + 30 + 35 + 40 + 22 + 20 + 30 + 15 + 30 = 737
        var result = CreditScorer.Score(Clean, s_policy);

        Assert.Equal(737m, result.Score);
        Assert.InRange(result.Score, 700m, 760m);
        Assert.True(result.Pd < 0.01m);
        // Only factors that lost points are reasons: utilisation (30 − 22) and size (25 − 20).
        Assert.Equal(new[] { "utilisation", "sales_12m" }, result.Reasons.Select(r => r.Metric));
        Assert.Equal(new[] { 8m, 5m }, result.Reasons.Select(r => r.PointsLost));
    }

    [Fact]
    public void AverageCustomer_ScoresBetween620And660()
    {
        // 400 + 40 + 30 + 12 + 25 + 30 + 22 + 20 + 20 + 8 + 30 = 637
        var result = CreditScorer.Score(Average, s_policy);

        Assert.Equal(637m, result.Score);
    }

    [Fact]
    public void CustomerSixtyPlusDaysLateWithBrokenPromises_ScoresBelow540_WithPdAboveTenPercent()
    {
        // 400 + 0 + 0 + 0 + 5 + 0 + 4 + 20 + 20 + 8 + 0 = 457
        var result = CreditScorer.Score(LateWithBrokenPromises, s_policy);

        Assert.Equal(457m, result.Score);
        Assert.True(result.Pd > 0.10m);
    }

    [Fact]
    public void Reasons_AreTheFourBandsThatCostMost_InWordsAPersonCanRead()
    {
        var result = CreditScorer.Score(LateWithBrokenPromises, s_policy);

        Assert.Equal(new[] { "max_days_late", "net_collection_rate", "oldest_dpd", "payment_delay_rate" }, result.Reasons.Select(r => r.Metric));
        Assert.Equal("worst lateness: paid more than 60 days late (75); 60 points below the best band", result.Reasons[0].Text);
        Assert.Equal(new[] { 60m, 55m, 40m, 30m }, result.Reasons.Select(r => r.PointsLost));
    }

    [Fact]
    public void UnknownFigures_EarnTheMissingPoints_AndSayUnknown()
    {
        var result = CreditScorer.Score(new ScoreInputs(), s_policy);

        // 400 + 25 + 25 + 15 + 35 + 40 + 15 + 5 + 5 + 15 + 30 = 610
        Assert.Equal(610m, result.Score);
        Assert.All(result.Factors, f => Assert.Equal("unknown", f.Band));
    }

    [Theory]
    [InlineData("net_collection_rate", "0.8999", 0)]
    [InlineData("net_collection_rate", "0.90", 20)]
    [InlineData("net_collection_rate", "0.9499", 20)]
    [InlineData("net_collection_rate", "0.95", 40)]
    [InlineData("net_collection_rate", "0.99999", 55)]
    [InlineData("max_days_late", "0", 60)]
    [InlineData("max_days_late", "1", 45)]
    [InlineData("max_days_late", "60", 5)]
    [InlineData("max_days_late", "61", 0)]
    [InlineData("oldest_dpd", "30", 18)]
    [InlineData("oldest_dpd", "31", 5)]
    [InlineData("broken_promises_180d", "1", 12)]
    [InlineData("broken_promises_180d", "2", 0)]
    public void FactorBands_HaveTheirEdges_WhereThePolicySays(string metric, string value, int points)
    {
        var factor = s_policy.Scorecard.Factors.Single(f => f.Metric.ToCode() == metric);

        var band = factor.BandOf(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(points, band.Points);
    }

    [Fact]
    public void Pd_FollowsTheScale_SixHundredAtOddsFiftyAndTwentyPointsToDouble()
    {
        var scale = s_policy.ScoreScale;

        Assert.Equal(1m / 51m, scale.ProbabilityOfDefault(600m), 12);
        Assert.Equal(1m / 101m, scale.ProbabilityOfDefault(620m), 12);
        Assert.Equal(1m / 26m, scale.ProbabilityOfDefault(580m), 12);
        Assert.Equal(620m, Math.Round(scale.ScoreOf(1m / 101m), 6));
    }

    [Theory]
    [InlineData(-2000)]
    [InlineData(3000)]
    public void Score_IsClippedToTheScale(int basePoints)
    {
        var policy = s_policy with { Scorecard = s_policy.Scorecard with { BasePoints = basePoints } };

        var result = CreditScorer.Score(Clean, policy);

        Assert.Equal(basePoints < 0 ? 300m : 900m, result.Score);
        Assert.NotEqual(result.Score, result.RawPoints);
    }

    [Fact]
    public void MonthsOfHistory_CountsWholeMonths_FromCustomerSinceElseFirstInvoice()
    {
        var asOf = new DateOnly(2025, 6, 15);

        Assert.Equal(12, ScoreInputs.MonthsOfHistory(new DateOnly(2024, 6, 15), new DateOnly(2020, 1, 1), asOf));
        Assert.Equal(11, ScoreInputs.MonthsOfHistory(new DateOnly(2024, 6, 16), null, asOf));
        Assert.Equal(65, ScoreInputs.MonthsOfHistory(null, new DateOnly(2020, 1, 1), asOf));
        Assert.Equal(0, ScoreInputs.MonthsOfHistory(new DateOnly(2026, 1, 1), null, asOf));
        Assert.Null(ScoreInputs.MonthsOfHistory(null, null, asOf));
    }

    private static readonly Gen<ScoreInputs> s_inputs =
        from rate in Gen.Choose(0, 11000).Select(i => i / 10000m)
        from late in Gen.Choose(0, 400)
        from delay in Gen.Choose(0, 100).Select(i => i / 100m)
        from overdue in Gen.Choose(0, 100).Select(i => i / 100m)
        from util in Gen.Choose(0, 300).Select(i => i / 100m)
        from sales in Gen.Choose(0, 5_000_000)
        from months in Gen.Choose(0, 400)
        from complaints in Gen.Choose(0, 10)
        from promises in Gen.Choose(0, 5)
        from basePoints in Gen.Choose(-500, 1500)
        select new ScoreInputs
        {
            NetCollectionRate = rate, MaxDaysLate = late, PaymentDelayRate = delay, OverdueShare = overdue,
            OldestDpd = late, Utilisation = util, Sales12m = sales, HistoryMonths = months,
            Complaints90d = complaints, BrokenPromises180d = promises, AnnualRevenue = basePoints,
        };

    [Fact]
    public void Score_AlwaysLiesIn300To900_AndPdIn0To1()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            // AnnualRevenue carries a random base so that clipping is exercised at both ends.
            var policy = s_policy with { Scorecard = s_policy.Scorecard with { BasePoints = inputs.AnnualRevenue!.Value } };
            var result = CreditScorer.Score(inputs, policy);
            return result.Score >= 300m && result.Score <= 900m && result.Pd > 0m && result.Pd < 1m;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Pd_IsStrictlyDecreasingInTheScore_AcrossTheScale()
    {
        var scale = s_policy.ScoreScale;
        var pairs = from a in Gen.Choose(3000, 9000) from b in Gen.Choose(3000, 9000) where a != b select (Math.Min(a, b) / 10m, Math.Max(a, b) / 10m);

        Prop.ForAll(pairs.ToArbitrary(), pair => scale.ProbabilityOfDefault(pair.Item1) > scale.ProbabilityOfDefault(pair.Item2))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Pd_NeverRisesWithTheScore_BeyondTheClip()
    {
        var scale = s_policy.ScoreScale;
        var pairs = from a in Gen.Choose(-5000, 20000) from b in Gen.Choose(-5000, 20000) select (Math.Min(a, b) / 10m, Math.Max(a, b) / 10m);

        Prop.ForAll(pairs.ToArbitrary(), pair => scale.ProbabilityOfDefault(pair.Item1) >= scale.ProbabilityOfDefault(pair.Item2))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WithoutExplanation_TheScoreAndReasonsAreTheSame_AndNoFactorIsListed()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            var policy = s_policy with { Scorecard = s_policy.Scorecard with { BasePoints = inputs.AnnualRevenue!.Value } };
            var explained = CreditScorer.Score(inputs, policy);
            var bare = CreditScorer.Score(inputs, policy, explain: false);
            return bare.Factors.Count == 0 && explained.Factors.Count > 0 && bare.Reasons.SequenceEqual(explained.Reasons) &&
                   bare == explained with { Reasons = bare.Reasons, Factors = bare.Factors };
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WithoutExplanation_TheReasonTextsAndOrderAreTheSame_ForTheWorkedCustomers()
    {
        foreach (var inputs in new[] { Clean, Average, LateWithBrokenPromises })
        {
            var explained = CreditScorer.Score(inputs, s_policy);
            var bare = CreditScorer.Score(inputs, s_policy, explain: false);

            Assert.NotEmpty(bare.Reasons);
            Assert.Equal(explained.Reasons.Select(r => r.Text), bare.Reasons.Select(r => r.Text));
            Assert.Equal(explained.Score, bare.Score);
            Assert.Equal(explained.Pd, bare.Pd);
        }
    }

    [Fact]
    public void BetterPaymentFigures_NeverLowerTheScore()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            var worse = CreditScorer.Score(inputs, s_policy).Score;
            var better = CreditScorer.Score(inputs with { MaxDaysLate = 0, OldestDpd = 0, BrokenPromises180d = 0 }, s_policy).Score;
            return better >= worse;
        }).QuickCheckThrowOnFailure();
    }
}
