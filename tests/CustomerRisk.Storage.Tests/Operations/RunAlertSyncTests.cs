using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>An assessment run saves its alert synchronisation in its own transaction (RunAlertSync): the same alerts,
/// events and counts as the synchronisation on its own, and nothing at all when any part of the write fails.</summary>
public sealed class RunAlertSyncTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RunWithItsAlerts_SavesWhatTheSynchronisationOnItsOwnSaves(string provider)
    {
        await using var together = await CreateAsync(provider, Clock);
        await using var apart = await CreateAsync(provider, Clock);
        foreach (var f in new[] { together, apart })
        {
            await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/all", By: "mei"), f.Operations, Clock);
        }

        // T1 opens two alerts; T2 updates one (severity up) and resolves the other.
        var t1 = new[] { Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m), Firing("dormant", 1m, null)]), Assessment("C2", "2026-09-30") };
        var t2 = new[] { Assessment("C1", "2026-10-31", severity: "high", alerts: [Firing("complaints", 4m, 3m, "high")]), Assessment("C2", "2026-10-31") };
        var results = new List<(SyncAlertsResult Together, SyncAlertsResult Apart)>();
        foreach (var run in new[] { t1, t2 })
        {
            var prepared = await SyncAlerts.PrepareAsync(run[0].AsOf, null, together.Operations, CreditPolicy.Default, Clock);
            var saved = await together.SaveWithAlertsAsync(prepared.For(run), run);
            await apart.SaveAsync(run);
            results.Add((saved, await SyncAlerts.HandleAsync(new SyncAlertsRequest(run[0].AsOf, run), apart.Operations, CreditPolicy.Default, Clock)));
        }

        Assert.Equal((2, 0, 0, 0, 2), Counts(results[0].Together));
        Assert.Equal((0, 1, 1, 0, 2), Counts(results[1].Together));
        Assert.All(results, r => Assert.Equal(Counts(r.Apart), Counts(r.Together)));
        Assert.All(results, r => Assert.Equal(r.Apart.Changed, r.Together.Changed));
        Assert.Equal(await together.Operations.ReadAlertsAsync(null, null), await apart.Operations.ReadAlertsAsync(null, null));
        var queued = await together.Operations.ReadDeliveriesAsync(WebhookDeliveryStatus.Pending);
        Assert.Equal((await apart.Operations.ReadDeliveriesAsync(WebhookDeliveryStatus.Pending)).Select(d => (d.CustomerId, d.EventType)),
            queued.Select(d => (d.CustomerId, d.EventType)));
        Assert.Equal(2L, await together.Test.CountAsync("SELECT COUNT(*) FROM assessment_runs"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AnAlertWriteThatFails_SavesNeitherTheRunNorAnyAlert(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var run = new[] { Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)]), Assessment("C2", "2026-09-30") };
        var prepared = await SyncAlerts.PrepareAsync(run[0].AsOf, null, f.Operations, CreditPolicy.Default, Clock);
        var real = prepared.For(run);
        // The plan opens C1's alert, then updates an alert the store does not hold: the write fails after the first.
        var failing = new RunAlertSync(null, Clock.GetUtcNow(), active => new AlertPlan([.. real.Plan(active).Changes, new AlertChange(new Alert
            {
                AlertId = 987_654,
                CustomerId = "C2",
                RuleId = "dormant",
                Metric = "dormant",
                Value = 1m,
                Severity = "medium",
                Message = "dormant",
                FirstSeen = D("2026-09-30"),
                LastSeen = D("2026-09-30"),
                Status = AlertStatus.Open,
            }, null)], 0));

        await Assert.ThrowsAnyAsync<Exception>(() => f.SaveWithAlertsAsync(failing, run));

        Assert.Equal(0L, await f.Test.CountAsync("SELECT COUNT(*) FROM assessment_runs"));
        Assert.Equal(0L, await f.Test.CountAsync("SELECT COUNT(*) FROM assessments"));
        Assert.Empty(await f.Operations.ReadAlertsAsync(null, null));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task APlanThatThrows_SavesNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var run = new[] { Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)]) };
        var throwing = new RunAlertSync(null, Clock.GetUtcNow(), _ => throw new InvalidOperationException("no firings"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => f.SaveWithAlertsAsync(throwing, run));

        Assert.Equal("no firings", error.Message);
        Assert.Equal(0L, await f.Test.CountAsync("SELECT COUNT(*) FROM assessment_runs"));
    }

    private static (int, int, int, int, int) Counts(SyncAlertsResult r) => (r.Opened, r.Updated, r.Resolved, r.Unchanged, r.DeliveriesQueued);
}
