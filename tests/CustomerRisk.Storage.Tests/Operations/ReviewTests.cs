using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Domain;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

public sealed class ReviewTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RecordedReview_KeepsItsSnapshot_AndReplaysToTheSameRecommendation(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1") with { CreditLimit = 20_000m, AnnualRevenue = 5_000_000m }]);
        await f.SaveAsync(Assessment("C1", "2026-06-30", grade: "A"));
        await f.SaveAsync(Assessment("C1", "2026-09-30", grade: "B", sales12m: 360_000m, overdue: 1_000m, oldestDpd: 12));

        var recorded = await RecordReview.HandleAsync(new RecordReviewRequest("C1", "raise_limit", "sales tripled, pays on time",
            "mei", D("2026-10-05"), NewLimit: 40_000m), f.Operations, f.Credit, CreditPolicy.Default, Clock);
        var replay = await ReplayReview.HandleAsync(recorded.Review.ReviewId, f.Operations, CreditPolicy.Default);
        var stored = await f.Operations.ReadReviewAsync(recorded.Review.ReviewId);

        // B: 1.0 × 360,000 / 12 × (30/30 + 0.5) = 45,000 > 20,000 × 1.1.
        Assert.Equal((ReviewDecision.RaiseLimit, 45_000m), (recorded.Review.Recommendation.Decision, recorded.Review.Recommendation.RecommendedLimit));
        Assert.Equal(("B", "A", D("2026-09-30"), 20_000m, 12), (stored!.Snapshot.Grade, stored.Snapshot.PreviousGrade,
            stored.Snapshot.AssessedAsOf, stored.Snapshot.CreditLimit!.Value, stored.Snapshot.OldestDaysPastDue));
        Assert.Equal((ReviewDecision.RaiseLimit, 40_000m, "mei", CreditPolicy.Default.Version),
            (stored.Decision, stored.NewLimit!.Value, stored.Reviewer, stored.Snapshot.PolicyVersion));
        Assert.True(replay.Same);
        Assert.Equal(recorded.Review.Recommendation.Reasons, replay.Recomputed.Reasons);
        Assert.Equal(("review.record", "mei"), (recorded.Decision.Kind, recorded.Decision.By));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Replay_UnderAnotherPolicyVersion_IsRefused_AndReplayOfAMissingReviewIsNotFound(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1")]);
        await f.SaveAsync(Assessment("C1", "2026-09-30"));
        var recorded = await RecordReview.HandleAsync(new RecordReviewRequest("C1", "keep", "fine", "mei", D("2026-10-01")),
            f.Operations, f.Credit, CreditPolicy.Default, Clock);
        var other = CreditPolicy.Default with { Version = "2099.1+000000000000" };

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(() => ReplayReview.HandleAsync(recorded.Review.ReviewId, f.Operations, other));
        var missing = await Assert.ThrowsAsync<OperationRefusedException>(() => ReplayReview.HandleAsync(recorded.Review.ReviewId + 7, f.Operations, CreditPolicy.Default));

        Assert.Contains(CreditPolicy.Default.Version, refused.Message, StringComparison.Ordinal);
        Assert.True(missing.NotFound);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RecordReview_RefusesBadRequests_AndWritesNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1") with { CreditLimit = 10_000m }, Customer("C2")]);
        await f.SaveAsync(Assessment("C1", "2026-09-30"));
        RecordReviewRequest Good() => new("C1", "keep", "fine", "mei", D("2026-10-01"));

        var bad = new[]
        {
            Good() with { Decision = "approve" },
            Good() with { Reason = " " },
            Good() with { Reviewer = "" },
            Good() with { CustomerId = "NOPE" },
            Good() with { CustomerId = "C2" },
            Good() with { ReviewedOn = D("2026-09-29") },
            Good() with { Decision = "raise_limit", NewLimit = 9_000m },
            Good() with { NewLimit = -1m },
        };
        foreach (var request in bad)
        {
            await Assert.ThrowsAsync<OperationRefusedException>(() => RecordReview.HandleAsync(request, f.Operations, f.Credit, CreditPolicy.Default, Clock));
        }

        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM credit_reviews"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task DueList_CountsFromLastReview_OrCustomerSince_OrIsDueWhenNeverReviewed_AndAtOnceOnAGradeDropOrExtremeAlert(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync(
        [
            Customer("NEVER"),
            Customer("SINCE") with { CustomerSince = D("2026-08-01") },
            Customer("REVIEWED"),
            Customer("DROPPED") with { CustomerSince = D("2026-10-01") },
            Customer("EXTREME") with { CustomerSince = D("2026-10-01") },
        ]);
        await f.SaveAsync(Assessment("DROPPED", "2026-06-30", grade: "A"));
        await f.SaveAsync(
            Assessment("NEVER", "2026-09-30", grade: "B"),
            Assessment("SINCE", "2026-09-30", grade: "C"),
            Assessment("REVIEWED", "2026-09-30", grade: "B"),
            Assessment("DROPPED", "2026-09-30", grade: "B"),
            Assessment("EXTREME", "2026-09-30", grade: "A", severity: "extreme", alerts: [Firing("complaints", 3m, 3m, "extreme")]));
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"),
            [Assessment("EXTREME", "2026-09-30", severity: "extreme", alerts: [Firing("complaints", 3m, 3m, "extreme")])]), f.Operations, CreditPolicy.Default, Clock);
        await f.SaveAsync(Assessment("REVIEWED", "2026-07-01", grade: "B"));
        await RecordReview.HandleAsync(new RecordReviewRequest("REVIEWED", "keep", "fine", "mei", D("2026-07-15")), f.Operations, f.Credit, CreditPolicy.Default, Clock);

        var all = (await ReviewsDue.HandleAsync(new ReviewsDueRequest(D("2026-10-31"), DueOnly: false), f.Operations, CreditPolicy.Default))
            .ToDictionary(r => r.CustomerId);
        var due = await ReviewsDue.HandleAsync(new ReviewsDueRequest(D("2026-10-31")), f.Operations, CreditPolicy.Default);
        var lastReviews = await f.Operations.ReadLastReviewDatesAsync(D("2026-10-31"));

        Assert.Equal((D("2026-10-31"), true, "never_reviewed"), (all["NEVER"].NextReview, all["NEVER"].Due, all["NEVER"].Triggers.Single()));
        Assert.Equal((D("2026-11-01"), false, "customer_since"), (all["SINCE"].NextReview, all["SINCE"].Due, all["SINCE"].Basis));
        Assert.Equal((D("2027-01-15"), false, D("2026-07-15")), (all["REVIEWED"].NextReview, all["REVIEWED"].Due, all["REVIEWED"].LastReview!.Value));
        Assert.Equal((D("2026-10-31"), true, "grade_drop", "A"), (all["DROPPED"].NextReview, all["DROPPED"].Due, all["DROPPED"].Triggers.Single(), all["DROPPED"].PreviousGrade));
        Assert.Equal((true, "extreme_alert"), (all["EXTREME"].Due, all["EXTREME"].Triggers.Single()));
        Assert.Equal(["DROPPED", "EXTREME", "NEVER"], due.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(D("2026-07-15"), Assert.Single(lastReviews).Value);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Delphi_SummarisesEachRoundAndCriterion_FromTheImportedScores(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        ExpertScore S(int round, string expert, ExpertCriterion criterion, int score) => new()
        {
            CustomerId = "C1", Round = round, ExpertId = expert, Date = D("2026-09-01").AddDays(round), Criterion = criterion, Score = score,
        };
        await f.ImportAsync([Customer("C1"), Customer("C2")], scores:
        [
            S(1, "e1", ExpertCriterion.Overall, 1), S(1, "e2", ExpertCriterion.Overall, 3), S(1, "e3", ExpertCriterion.Overall, 5),
            S(2, "e1", ExpertCriterion.Overall, 3), S(2, "e2", ExpertCriterion.Overall, 3), S(2, "e3", ExpertCriterion.Overall, 4),
        ]);

        var summary = await DelphiRounds.HandleAsync("C1", f.Operations);
        var none = await Assert.ThrowsAsync<OperationRefusedException>(() => DelphiRounds.HandleAsync("C2", f.Operations));

        Assert.Equal([1, 2], summary.Rounds.Select(r => r.Round));
        Assert.Equal((3m, 2m, false), (summary.Rounds[0].Criteria[0].Median, summary.Rounds[0].Criteria[0].Iqr, summary.Rounds[0].Converged));
        Assert.Equal((3m, 0.5m, true), (summary.Rounds[1].Criteria[0].Median, summary.Rounds[1].Criteria[0].Iqr, summary.Rounds[1].Converged));
        Assert.Equal(3m, summary.ExpertScore);
        Assert.True(none.NotFound);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task DueList_FlagsOverdueReviewsWithTheirDays_AndListsThemFirst_MostOverdueFirst(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync(
        [
            Customer("LATE"),
            Customer("OLD") with { CustomerSince = D("2020-01-10") },
            Customer("DROPPED") with { CustomerSince = D("2026-10-01") },
            Customer("FRESH") with { CustomerSince = D("2026-10-01") },
        ]);
        await f.SaveAsync(Assessment("DROPPED", "2026-02-27", grade: "A"), Assessment("LATE", "2026-02-27", grade: "B"));
        await f.SaveAsync(
            Assessment("LATE", "2026-09-30", grade: "B"),
            Assessment("OLD", "2026-09-30", grade: "B"),
            Assessment("DROPPED", "2026-09-30", grade: "B"),
            Assessment("FRESH", "2026-09-30", grade: "B"));
        await RecordReview.HandleAsync(new RecordReviewRequest("LATE", "keep", "fine", "mei", D("2026-03-01")), f.Operations, f.Credit, CreditPolicy.Default, Clock);

        var rows = await ReviewsDue.HandleAsync(new ReviewsDueRequest(D("2026-10-31"), DueOnly: false), f.Operations, CreditPolicy.Default);

        // OLD: never reviewed, B (6 months) from 2020-01-10 → 2020-07-10, kept as the spec says, 2,304 days overdue.
        // LATE: reviewed 2026-03-01 → 2026-09-01, 60 days overdue. DROPPED: due at T by its grade drop, not overdue.
        Assert.Equal(["OLD", "LATE", "DROPPED", "FRESH"], rows.Select(r => r.CustomerId));
        Assert.Equal((D("2020-07-10"), 2304, "customer_since"), (rows[0].NextReview, rows[0].DaysOverdue, rows[0].Basis));
        Assert.Equal((D("2026-09-01"), 60), (rows[1].NextReview, rows[1].DaysOverdue));
        Assert.Equal((D("2026-10-31"), true, 0), (rows[2].NextReview, rows[2].Due, rows[2].DaysOverdue));
        Assert.Equal((D("2027-04-01"), false, 0), (rows[3].NextReview, rows[3].Due, rows[3].DaysOverdue));
    }
}
