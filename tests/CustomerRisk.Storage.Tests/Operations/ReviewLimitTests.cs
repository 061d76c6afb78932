using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>A review that raises or lowers the limit grants it, audited, in the review's transaction; keep leaves it.</summary>
public sealed class ReviewLimitTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    /// <summary>C1: imported credit_limit 20,000; grade B with sales_12m 360,000 on 2026-09-30, so the policy
    /// recommends 1.0 × 360,000 / 12 × (30/30 + 0.5) = 45,000.</summary>
    private static async Task<OperationsFixture> CustomerAsync(string provider)
    {
        var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1") with { CreditLimit = 20_000m }]);
        await f.SaveAsync(Assessment("C1", "2026-09-30", grade: "B", sales12m: 360_000m));
        return f;
    }

    private static Task<RecordReviewResult> ReviewAsync(OperationsFixture f, string decision, decimal? limit = null, string date = "2026-10-05",
        string reason = "sales tripled, pays on time") =>
        RecordReview.HandleAsync(new RecordReviewRequest("C1", decision, reason, "mei", D(date), limit), f.Operations, f.Credit,
            CreditPolicy.Default, Clock);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RaiseLimit_GrantsTheNewLimitFromTheReviewDate_ByTheReviewer_NamingTheReview_AndIsAudited(string provider)
    {
        await using var f = await CustomerAsync(provider);

        var result = await ReviewAsync(f, "raise_limit", 40_000m);
        var grant = Assert.Single(await f.Credit.ReadLimitGrantsAsync("C1"));
        var audit = (await f.Credit.ListAuditAsync("C1", 10)).OrderBy(r => r.Seq).ToArray();

        Assert.Equal((40_000m, LimitKind.Standing, D("2026-10-05"), (DateOnly?)null), (grant.Amount, grant.Kind, grant.ValidFrom, grant.ValidTo));
        Assert.Equal(("mei", "sales tripled, pays on time", result.Review.ReviewId), (grant.Approver, grant.Reason, grant.ReviewId!.Value));
        Assert.Equal(grant, result.Grant);
        Assert.Equal(20_000m, result.Review.Snapshot.CreditLimit);
        Assert.Equal(20_000m, EffectiveLimit.On([grant], 20_000m, D("2026-10-04")).Amount);
        Assert.Equal((40_000m, LimitSource.Granted), (EffectiveLimit.On([grant], 20_000m, D("2026-10-05")).Amount, EffectiveLimit.On([grant], 20_000m, D("2026-10-05")).Source));
        Assert.Equal(["review.record", "limit.grant"], audit.Select(r => r.Action));
        Assert.Equal(("mei", $"credit_limit:{grant.Id}"), (audit[1].Actor, audit[1].Entity));
        Assert.Contains("\"effective_limit\":20000", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"imported\"", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"effective_limit\":40000", audit[1].After, StringComparison.Ordinal);
        Assert.Contains($"\"review_id\":{result.Review.ReviewId}", audit[1].After, StringComparison.Ordinal);
        Assert.Contains("\"recommended_limit\":45000", audit[1].After, StringComparison.Ordinal);
        Assert.True((await VerifyAuditTrail.HandleAsync(f.Credit, CancellationToken.None)).Intact);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RaiseWithoutANewLimit_GrantsTheRecommendedLimit_AndALaterLowerReplacesIt(string provider)
    {
        await using var f = await CustomerAsync(provider);

        var raised = await ReviewAsync(f, "raise_limit");
        var lowered = await ReviewAsync(f, "lower_limit", 15_000m, "2026-11-02", "two invoices 40 days late");
        var grants = await f.Credit.ReadLimitGrantsAsync("C1");

        Assert.Equal(45_000m, raised.Review.NewLimit);
        Assert.Equal(45_000m, lowered.Review.Snapshot.CreditLimit);
        Assert.Equal([45_000m, 15_000m], grants.Select(g => g.Amount));
        Assert.Equal([raised.Review.ReviewId, lowered.Review.ReviewId], grants.Select(g => g.ReviewId!.Value));
        Assert.Equal(45_000m, EffectiveLimit.On(grants, 20_000m, D("2026-11-01")).Amount);
        Assert.Equal(15_000m, EffectiveLimit.On(grants, 20_000m, D("2026-11-02")).Amount);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Keep_LeavesTheLimit_AndAChangeThatDoesNotMoveTheLimitIsRefusedWritingNothing(string provider)
    {
        await using var f = await CustomerAsync(provider);

        var kept = await ReviewAsync(f, "keep");
        var refused = new[]
        {
            ("keep", (decimal?)30_000m),          // keep names no limit
            ("hold", (decimal?)30_000m),
            ("raise_limit", (decimal?)20_000m),   // not above the 20,000 in force
            ("lower_limit", (decimal?)20_000m),   // not below it
            ("lower_limit", (decimal?)null),      // the recommended 45,000 would raise it
        };
        foreach (var (decision, limit) in refused)
        {
            await Assert.ThrowsAsync<OperationRefusedException>(() => ReviewAsync(f, decision, limit));
        }

        Assert.Null(kept.Grant);
        Assert.Null(kept.Review.NewLimit);
        Assert.Empty(await f.Credit.ReadLimitGrantsAsync("C1"));
        Assert.Equal(1, await f.Test.CountAsync("SELECT count(*) FROM credit_reviews"));
        Assert.Equal(["review.record"], (await f.Credit.ListAuditAsync("C1", 10)).Select(r => r.Action));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AReviewWhoseGrantCannotBeAudited_KeepsNeitherTheReviewNorTheGrant(string provider)
    {
        await using var f = await CustomerAsync(provider);
        // Appending needs the chain's head row: without it the review's transaction fails as a whole.
        await using (var connection = await f.Test.ConnectAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM audit_head";
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReviewAsync(f, "raise_limit", 40_000m));

        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM credit_reviews"));
        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM credit_limits"));
    }
}
