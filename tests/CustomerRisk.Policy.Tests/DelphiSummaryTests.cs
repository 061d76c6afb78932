using CustomerRisk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Policy.Tests;

public sealed class DelphiSummaryTests
{
    private static ExpertScore S(string customer, int round, string expert, ExpertCriterion criterion, int score, int day = 1) => new()
    {
        CustomerId = customer,
        Round = round,
        ExpertId = expert,
        Date = new DateOnly(2025, 3, day),
        Criterion = criterion,
        Score = score,
    };

    private static IEnumerable<ExpertScore> Round(string customer, int round, ExpertCriterion criterion, params int[] scores) =>
        scores.Select((score, i) => S(customer, round, $"e{i + 1}", criterion, score, round));

    // Worked example (docs/rating.md). Round 1, five experts:
    //   collection_effort 2,3,4,5,5 → Q1 = x[1] = 3, median 4, Q3 = x[3] = 5, IQR 2: not converged.
    //   overall           3,4,4,5,2 → sorted 2,3,4,4,5: Q1 3, median 4, Q3 4, IQR 1.
    // Round 2 after feedback:
    //   collection_effort 4,4,5,4,3 → 3,4,4,4,5: Q1 4, median 4, Q3 4, IQR 0.
    //   overall           4,4,4,5,3 → IQR 0: converged; expert score = median of overall = 4.
    [Fact]
    public void WorkedExample_ConvergesInTheSecondRound_WithExpertScoreFour()
    {
        var scores = Round("C1", 1, ExpertCriterion.CollectionEffort, 2, 3, 4, 5, 5)
            .Concat(Round("C1", 1, ExpertCriterion.Overall, 3, 4, 4, 5, 2))
            .Concat(Round("C1", 2, ExpertCriterion.CollectionEffort, 4, 4, 5, 4, 3))
            .Concat(Round("C1", 2, ExpertCriterion.Overall, 4, 4, 4, 5, 3));

        var summary = Assert.Single(DelphiSummary.Summarise(scores));

        Assert.Equal(2, summary.Rounds.Count);
        var first = summary.Rounds[0];
        Assert.False(first.Converged);
        var effort = first.Criteria.Single(c => c.Criterion == ExpertCriterion.CollectionEffort);
        Assert.Equal((5, 4m, 3m, 5m, 2m), (effort.Count, effort.Median, effort.LowerQuartile, effort.UpperQuartile, effort.Iqr));
        var overall = first.Criteria.Single(c => c.Criterion == ExpertCriterion.Overall);
        Assert.Equal((4m, 3m, 4m, 1m), (overall.Median, overall.LowerQuartile, overall.UpperQuartile, overall.Iqr));
        Assert.True(summary.Rounds[1].Converged);
        Assert.True(summary.Converged);
        Assert.Equal(4m, summary.ExpertScore);
        Assert.True(summary.ExpertScoreFromOverall);
    }

    [Fact]
    public void Quartiles_InterpolateLinearly_AsRType7()
    {
        decimal[] sorted = [1m, 2m, 4m, 5m];

        Assert.Equal(1.75m, DelphiSummary.Quantile(sorted, 0.25m));
        Assert.Equal(3m, DelphiSummary.Quantile(sorted, 0.5m));
        Assert.Equal(4.25m, DelphiSummary.Quantile(sorted, 0.75m));
        Assert.Equal(1m, DelphiSummary.Quantile(sorted, 0m));
        Assert.Equal(5m, DelphiSummary.Quantile(sorted, 1m));
    }

    [Fact]
    public void IqrOfExactlyOne_Converges_AndJustAboveDoesNot()
    {
        var atOne = Round("C1", 1, ExpertCriterion.BadRecord, 3, 3, 4, 4, 4); // Q1 3, Q3 4
        var above = Round("C2", 1, ExpertCriterion.BadRecord, 2, 3, 4, 4);    // Q1 2.75, Q3 4

        var result = DelphiSummary.Summarise(atOne.Concat(above));

        Assert.Equal(1m, result[0].LatestRound.Criteria[0].Iqr);
        Assert.True(result[0].Converged);
        Assert.Equal(1.25m, result[1].LatestRound.Criteria[0].Iqr);
        Assert.False(result[1].Converged);
    }

    [Fact]
    public void ExpertScore_IsTheMedianOfAllCriteria_WhenNoOverallWasGiven()
    {
        var scores = Round("C1", 1, ExpertCriterion.CollectionEffort, 2, 2)
            .Concat(Round("C1", 1, ExpertCriterion.ClaimCause, 3, 5));

        var summary = Assert.Single(DelphiSummary.Summarise(scores));

        Assert.Equal(2.5m, summary.ExpertScore); // 2, 2, 3, 5 → median 2.5
        Assert.False(summary.ExpertScoreFromOverall);
    }

    [Fact]
    public void ExpertScore_ComesFromTheLatestRoundOnly()
    {
        var scores = Round("C1", 1, ExpertCriterion.Overall, 5, 5, 5)
            .Concat(Round("C1", 3, ExpertCriterion.Overall, 1, 2, 2));

        var summary = Assert.Single(DelphiSummary.Summarise(scores));

        Assert.Equal(2m, summary.ExpertScore);
        Assert.Equal(3, summary.LatestRound.Round);
    }

    [Fact]
    public void AnExpertScoringTwiceInARound_CountsWithTheLaterScore()
    {
        var scores = new[]
        {
            S("C1", 1, "e1", ExpertCriterion.Overall, 1, day: 2),
            S("C1", 1, "e1", ExpertCriterion.Overall, 5, day: 9),
            S("C1", 1, "e2", ExpertCriterion.Overall, 5, day: 2),
        };

        var summary = Assert.Single(DelphiSummary.Summarise(scores));

        Assert.Equal(2, summary.LatestRound.Criteria[0].Count);
        Assert.Equal(5m, summary.ExpertScore);
    }

    [Fact]
    public void Customers_AreSummarisedSeparately_InIdOrder()
    {
        var scores = Round("B", 1, ExpertCriterion.Overall, 2).Concat(Round("A", 1, ExpertCriterion.Overall, 4));

        var result = DelphiSummary.Summarise(scores);

        Assert.Equal(new[] { "A", "B" }, result.Select(r => r.CustomerId));
        Assert.Equal(new[] { 4m, 2m }, result.Select(r => r.ExpertScore));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1)]
    [InlineData(3, 0)]
    public void ScoresOutsideOneToFive_OrRoundsBelowOne_AreRefused(int score, int round)
    {
        Assert.Throws<ArgumentException>(() => DelphiSummary.Summarise([S("C1", round, "e1", ExpertCriterion.Overall, score)]));
    }

    [Fact]
    public void NoScores_GiveNoSummaries()
    {
        Assert.Empty(DelphiSummary.Summarise([]));
    }

    [Fact]
    public void Quartiles_AreOrdered_WithinTheScores_AndTheIqrIsNeverNegative()
    {
        var panels = Gen.Choose(1, 5).ArrayOf().Where(a => a.Length > 0);

        Prop.ForAll(panels.ToArbitrary(), panel =>
        {
            var summary = DelphiSummary.Summarise(Round("C1", 1, ExpertCriterion.Overall, panel))[0];
            var c = summary.LatestRound.Criteria[0];
            return panel.Min() <= c.LowerQuartile && c.LowerQuartile <= c.Median && c.Median <= c.UpperQuartile
                && c.UpperQuartile <= panel.Max() && c.Iqr >= 0m && summary.ExpertScore == c.Median;
        }).QuickCheckThrowOnFailure();
    }
}
