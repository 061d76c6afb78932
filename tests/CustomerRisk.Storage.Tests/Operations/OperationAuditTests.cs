using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>Every decision of the operations part reaches the hash-chained audit trail, in the transaction of the change.</summary>
public sealed class OperationAuditTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    /// <summary>One decision of every kind, in this order: the audit actions they append.</summary>
    private static readonly string[] Kinds =
    [
        "webhook.add", "alert.acknowledge", "alert.resolve", "review.record", "collection.action", "collection.promise",
        "collection.promise", "promise.kept", "promise.broken", "collateral.add",
    ];

    private static async Task DecideOneOfEachAsync(OperationsFixture f)
    {
        await f.ImportAsync([Customer("C1") with { CreditLimit = 20_000m }, Customer("C2")], payments:
        [
            Payment("P1", "C1", "2026-10-03", 1_000m),
        ]);
        await f.SaveAsync(Assessment("C1", "2026-09-30"));
        await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/hook", Secret: "s3cret-s3cret-s3cret", By: "ops"), f.Operations, Clock);
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"), [Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)])]),
            f.Operations, CreditPolicy.Default, Clock);
        var alert = Assert.Single(await f.Operations.ReadAlertsAsync(AlertStatus.Open, "C1")).AlertId;
        await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(alert, "mei", "called the buyer"), f.Operations, Clock);
        await ResolveAlert.HandleAsync(new ResolveAlertRequest(alert, "mei", "complaints settled"), f.Operations, Clock);
        await RecordReview.HandleAsync(new RecordReviewRequest("C1", "keep", "pays on time", "mei", D("2026-10-01")), f.Operations, f.Credit,
            CreditPolicy.Default, Clock);
        await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("C1", "call", D("2026-10-01"), "li", "promised Friday"), f.Operations, Clock);
        await RecordPromise.HandleAsync(new RecordPromiseRequest("C1", 1_000m, D("2026-10-10"), D("2026-10-01"), "li"), f.Operations, Clock);
        await RecordPromise.HandleAsync(new RecordPromiseRequest("C2", 500m, D("2026-10-15"), D("2026-10-12"), "li"), f.Operations, Clock);
        await EvaluatePromises.HandleAsync(D("2026-10-16"), f.Operations, Clock, "li");
        await AddCollateral.HandleAsync(new AddCollateralRequest("C1", "guarantee", 10_000m, 0.25m, D("2026-03-01"), D("2026-09-30"), "parent", "mei"),
            f.Operations, Clock);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EveryDecisionKind_IsInTheAuditTrail_WithWhoWhatBeforeAndAfter_AndTheChainVerifies(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await DecideOneOfEachAsync(f);

        var records = (await f.Credit.ListAuditAsync(null, 100)).OrderBy(r => r.Seq).ToArray();
        var verification = await VerifyAuditTrail.HandleAsync(f.Credit, CancellationToken.None);

        Assert.Equal(Kinds, records.Select(r => r.Action));
        Assert.Equal(new AuditVerification(Kinds.Length, true, null, null), verification);
        Assert.All(records, r => Assert.Equal(Clock.GetUtcNow(), r.At));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.After)));
        var byAction = records.GroupBy(r => r.Action).ToDictionary(g => g.Key, g => g.ToArray());

        var ack = byAction["alert.acknowledge"].Single();
        Assert.Equal(("mei", "C1"), (ack.Actor, ack.CustomerId));
        Assert.StartsWith("alert:", ack.Entity, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"open\"", ack.Before, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"acknowledged\"", ack.After, StringComparison.Ordinal);
        Assert.Contains("called the buyer", ack.After, StringComparison.Ordinal);

        var resolve = byAction["alert.resolve"].Single();
        Assert.Equal(ack.Entity, resolve.Entity);
        Assert.Contains("\"status\":\"acknowledged\"", resolve.Before, StringComparison.Ordinal);
        Assert.Contains("\"resolution\":\"complaints settled\"", resolve.After, StringComparison.Ordinal);

        var review = byAction["review.record"].Single();
        Assert.Equal(("mei", "C1"), (review.Actor, review.CustomerId));
        Assert.Contains("\"credit_limit\":20000", review.Before, StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"keep\"", review.After, StringComparison.Ordinal);
        Assert.Contains("pays on time", review.After, StringComparison.Ordinal);

        var action = byAction["collection.action"].Single();
        Assert.Equal(("li", "C1", (string?)null), (action.Actor, action.CustomerId, action.Before));
        Assert.StartsWith("collection_action:", action.Entity, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"call\"", action.After, StringComparison.Ordinal);

        Assert.All(byAction["collection.promise"], p => Assert.StartsWith("payment_promise:", p.Entity, StringComparison.Ordinal));
        var kept = byAction["promise.kept"].Single();
        var broken = byAction["promise.broken"].Single();
        Assert.Equal(("li", "C1", "C2"), (kept.Actor, kept.CustomerId, broken.CustomerId));
        Assert.Contains("\"status\":\"open\"", kept.Before, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"kept\"", kept.After, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"broken\"", broken.After, StringComparison.Ordinal);
        Assert.Equal(byAction["collection.promise"][1].Entity, broken.Entity);

        var cover = byAction["collateral.add"].Single();
        Assert.Equal(("mei", "C1", (string?)null), (cover.Actor, cover.CustomerId, cover.Before));
        Assert.Contains("\"value\":10000", cover.After, StringComparison.Ordinal);

        var webhook = byAction["webhook.add"].Single();
        Assert.Equal(("ops", (string?)null), (webhook.Actor, webhook.CustomerId));
        Assert.Contains("http://127.0.0.1:9/hook", webhook.After, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", webhook.After, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ATamperedDecisionRecord_IsDetected(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await DecideOneOfEachAsync(f);
        var resolve = (await f.Credit.ListAuditAsync(null, 100)).Single(r => r.Action == "alert.resolve");
        await LiftTriggersAsync(f);

        await ExecuteAsync(f, $"UPDATE audit_log SET actor = 'someone else' WHERE seq = {resolve.Seq}");
        var verification = await VerifyAuditTrail.HandleAsync(f.Credit, CancellationToken.None);

        Assert.False(verification.Intact);
        Assert.Equal(resolve.Seq, verification.BrokenAt);
        Assert.Contains($"record {resolve.Seq} was changed", verification.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ADecisionWhoseAuditRecordCannotBeWritten_IsNotKept(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1")]);
        // Without its head row the chain cannot be extended: the append fails inside the decision's transaction.
        await ExecuteAsync(f, "DELETE FROM audit_head");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AddCollateral.HandleAsync(
            new AddCollateralRequest("C1", "deposit", 1_000m, 0m, D("2026-01-01"), null, null, "mei"), f.Operations, Clock));
        await Assert.ThrowsAsync<InvalidOperationException>(() => RecordCollectionAction.HandleAsync(
            new RecordCollectionActionRequest("C1", "call", D("2026-10-01"), "li"), f.Operations, Clock));

        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM collateral"));
        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM collection_actions"));
        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM interactions"));
    }

    private static Task LiftTriggersAsync(OperationsFixture f) => f.Test.Provider == "sqlite"
        ? ExecuteAsync(f, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
        : ExecuteAsync(f, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;");

    private static async Task ExecuteAsync(OperationsFixture f, string sql)
    {
        await using var connection = await f.Test.ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
