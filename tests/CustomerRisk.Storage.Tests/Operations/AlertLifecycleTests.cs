using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

public sealed class AlertLifecycleTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    private static Task<SyncAlertsResult> Sync(OperationsFixture f, string asOf, params Application.Assess.CustomerAssessment[] customers) =>
        SyncAlerts.HandleAsync(new SyncAlertsRequest(D(asOf), customers), f.Operations, CreditPolicy.Default, Clock);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Alert_OpensOnFirstFiring_UpdatesWhileFiring_AndResolvesItselfWhenCleared(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);

        // 1: overdue share and an invoice over 30 dpd fire.
        var first = await Sync(f, "2026-09-30",
            Assessment("C1", "2026-09-30", alerts: [Firing("overdue_share_high", 0.25m, 0.2m), Firing("invoice_over_30_dpd", 41m, 30m)]),
            Assessment("C2", "2026-09-30"));
        // 2: overdue share still fires (higher, now high severity); the old invoice was paid.
        var second = await Sync(f, "2026-10-31",
            Assessment("C1", "2026-10-31", severity: "high", alerts: [Firing("overdue_share_high", 0.31m, 0.2m, "high")]),
            Assessment("C2", "2026-10-31"));
        var afterSecond = await f.Operations.ReadAlertsAsync(null, "C1");
        // 3: nothing fires.
        var third = await Sync(f, "2026-11-30", Assessment("C1", "2026-11-30"), Assessment("C2", "2026-11-30"));
        var all = await f.Operations.ReadAlertsAsync(null, null);

        Assert.Equal((2, 0, 0), (first.Opened, first.Updated, first.Resolved));
        Assert.Equal((0, 1, 1), (second.Opened, second.Updated, second.Resolved));
        Assert.Equal((0, 0, 1), (third.Opened, third.Updated, third.Resolved));
        Assert.Equal(2, all.Count);
        var overdue = Assert.Single(all, a => a.RuleId == "overdue_share_high");
        var dpd = Assert.Single(all, a => a.RuleId == "invoice_over_30_dpd");
        Assert.Equal((D("2026-09-30"), D("2026-10-31"), 0.31m, "high", "overdue_share"), (overdue.FirstSeen, overdue.LastSeen, overdue.Value, overdue.Severity, overdue.Metric));
        Assert.Equal((AlertStatus.Resolved, "cleared", D("2026-11-30"), (string?)null), (overdue.Status, overdue.Resolution, overdue.ResolvedOn, overdue.ResolvedBy));
        Assert.Equal((AlertStatus.Resolved, D("2026-10-31"), D("2026-09-30")), (dpd.Status, dpd.ResolvedOn, dpd.LastSeen));
        Assert.Equal(Clock.GetUtcNow(), overdue.ResolvedAt);
        Assert.Equal(AlertStatus.Open, afterSecond.Single(a => a.RuleId == "overdue_share_high").Status);
        Assert.Equal(overdue.AlertId, afterSecond.Single(a => a.RuleId == "overdue_share_high").AlertId);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReRun_OfTheSameDate_NeverDuplicatesAnAlert_AndChangesNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var assessment = Assessment("C1", "2026-09-30", alerts: [Firing("overdue_share_high", 0.25m, 0.2m)]);

        await Sync(f, "2026-09-30", assessment);
        var again = await Sync(f, "2026-09-30", assessment);
        var thrice = await Sync(f, "2026-09-30", assessment);

        Assert.Equal((0, 0, 0, 1), (again.Opened, again.Updated, again.Resolved, again.Unchanged));
        Assert.Equal(0, thrice.Opened);
        Assert.Equal(1, await f.Test.CountAsync("SELECT count(*) FROM alerts"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AcknowledgedAlert_StaysAcknowledgedWhileFiring_ResolvesWhenCleared_AndAFreshFiringOpensANewOne(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await Sync(f, "2026-09-30", Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)]));
        var id = Assert.Single(await f.Operations.ReadAlertsAsync(AlertStatus.Open, "C1")).AlertId;

        var ack = await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(id, "mei", "called the buyer"), f.Operations, Clock);
        await Sync(f, "2026-10-31", Assessment("C1", "2026-10-31", alerts: [Firing("complaints", 4m, 3m)]));
        var stillAcknowledged = await f.Operations.ReadAlertAsync(id);
        await Sync(f, "2026-11-30", Assessment("C1", "2026-11-30"));
        var cleared = await f.Operations.ReadAlertAsync(id);
        await Sync(f, "2026-12-31", Assessment("C1", "2026-12-31", alerts: [Firing("complaints", 5m, 3m)]));
        var alerts = await f.Operations.ReadAlertsAsync(null, "C1");

        Assert.Equal(("mei", "called the buyer", Clock.GetUtcNow()), (ack.Alert.AcknowledgedBy, ack.Alert.AcknowledgeNote, ack.Alert.AcknowledgedAt!.Value));
        Assert.Equal(("alert.acknowledge", "C1", "mei"), (ack.Decision.Kind, ack.Decision.CustomerId, ack.Decision.By));
        Assert.Contains("\"status\":\"open\"", ack.Decision.Before, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"acknowledged\"", ack.Decision.After, StringComparison.Ordinal);
        Assert.Equal((AlertStatus.Acknowledged, 4m, D("2026-10-31")), (stillAcknowledged!.Status, stillAcknowledged.Value, stillAcknowledged.LastSeen));
        Assert.Equal((AlertStatus.Resolved, "cleared", "mei"), (cleared!.Status, cleared.Resolution, cleared.AcknowledgedBy));
        Assert.Equal(2, alerts.Count);
        Assert.Equal((AlertStatus.Open, D("2026-12-31")), (alerts[0].Status, alerts[0].FirstSeen));
        Assert.NotEqual(id, alerts[0].AlertId);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task PersonResolves_WithNote_AndBadRequestsAreRefusedWithoutWriting(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await Sync(f, "2026-09-30", Assessment("C1", "2026-09-30", alerts: [Firing("dormant", 1m, null)]));
        var id = Assert.Single(await f.Operations.ReadAlertsAsync(AlertStatus.Open, null)).AlertId;

        await Assert.ThrowsAsync<OperationRefusedException>(() => ResolveAlert.HandleAsync(new ResolveAlertRequest(id, "mei", " "), f.Operations, Clock));
        await Assert.ThrowsAsync<OperationRefusedException>(() => AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(id, ""), f.Operations, Clock));
        var missing = await Assert.ThrowsAsync<OperationRefusedException>(() => AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(id + 99, "mei"), f.Operations, Clock));
        Assert.True(missing.NotFound);
        Assert.Equal(AlertStatus.Open, (await f.Operations.ReadAlertAsync(id))!.Status);

        var resolved = await ResolveAlert.HandleAsync(new ResolveAlertRequest(id, "mei", "customer reactivated by phone"), f.Operations, Clock);
        var twice = await Assert.ThrowsAsync<OperationRefusedException>(() => ResolveAlert.HandleAsync(new ResolveAlertRequest(id, "mei", "again"), f.Operations, Clock));

        Assert.Equal((AlertStatus.Resolved, "mei", "customer reactivated by phone", D("2026-11-30")),
            (resolved.Alert.Status, resolved.Alert.ResolvedBy, resolved.Alert.Resolution, resolved.Alert.ResolvedOn!.Value));
        Assert.Contains("already resolved", twice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AnOlderRun_DoesNotUndoWhatANewerRunSaw(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await Sync(f, "2026-10-31", Assessment("C1", "2026-10-31", alerts: [Firing("complaints", 3m, 3m)]));

        var older = await Sync(f, "2026-09-30", Assessment("C1", "2026-09-30"));

        Assert.Equal(0, older.Resolved);
        Assert.Equal(AlertStatus.Open, Assert.Single(await f.Operations.ReadAlertsAsync(null, "C1")).Status);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AlertChanges_QueueWebhookDeliveries_InTheSameSave_ForSubscriptionsThatWantThem(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/all", By: "mei"), f.Operations, Clock);
        await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/resolved", ["alert.resolved"], By: "mei"), f.Operations, Clock);

        var opened = await Sync(f, "2026-09-30", Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m), Firing("dormant", 1m, null)]));
        var same = await Sync(f, "2026-10-31", Assessment("C1", "2026-10-31", alerts: [Firing("complaints", 3m, 3m), Firing("dormant", 1m, null)]));
        var cleared = await Sync(f, "2026-11-30", Assessment("C1", "2026-11-30"));
        var deliveries = await f.Operations.ReadDeliveriesAsync(WebhookDeliveryStatus.Pending);

        Assert.Equal((2, 0, 4), (opened.DeliveriesQueued, same.DeliveriesQueued, cleared.DeliveriesQueued));
        Assert.Equal(6, deliveries.Count);
        Assert.Equal(4, deliveries.Count(d => d.Url.EndsWith("/all", StringComparison.Ordinal)));
        Assert.All(deliveries.Where(d => d.Url.EndsWith("/resolved", StringComparison.Ordinal)), d => Assert.Equal("alert.resolved", d.EventType));
        Assert.Contains("\"event\":\"alert.opened\"", deliveries[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"rule\":\"complaints\"", deliveries[0].Payload, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ExpiringCover_RaisesACoverExpiringAlert_ThatClearsOnceItHasExpired(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1")]);
        await Application.Collateral.AddCollateral.HandleAsync(new Application.Collateral.AddCollateralRequest(
            "C1", "guarantee", 50_000m, 0.2m, D("2026-01-01"), D("2026-10-15"), "parent guarantee", "mei"), f.Operations, Clock);

        var early = await Sync(f, "2026-09-14", Assessment("C1", "2026-09-14"));
        var within = await Sync(f, "2026-09-15", Assessment("C1", "2026-09-15"));
        var lastDay = await Sync(f, "2026-10-15", Assessment("C1", "2026-10-15"));
        var expired = await Sync(f, "2026-10-16", Assessment("C1", "2026-10-16"));
        var alert = Assert.Single(await f.Operations.ReadAlertsAsync(null, "C1"));

        Assert.Equal((0, 1, 0, 0), (early.Opened, within.Opened, lastDay.Opened, lastDay.Resolved));
        Assert.Equal(1, expired.Resolved);
        Assert.Equal((SyncAlerts.CoverExpiringRule, "days_to_expiry", 30m, 0m, D("2026-09-15")),
            (alert.RuleId, alert.Metric, alert.Threshold!.Value, alert.Value, alert.FirstSeen));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task SyncFromSavedAssessments_TakesEachCustomersLatestRunDateByDate_AndIsIdempotent(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.SaveAsync(
            Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)]),
            Assessment("C2", "2026-09-30", alerts: [Firing("dormant", 1m, null)]));
        await f.SaveAsync(Assessment("C1", "2026-10-31"));

        var first = await SyncSavedAlerts.HandleAsync(D("2026-10-31"), f.Operations, CreditPolicy.Default, Clock);
        var again = await SyncSavedAlerts.HandleAsync(D("2026-10-31"), f.Operations, CreditPolicy.Default, Clock);
        var alerts = await f.Operations.ReadAlertsAsync(null, null);

        // C1's latest run (10-31) fires nothing, so its complaint never opens; C2's latest (09-30) opens dormant.
        Assert.Equal((1, 0, 0), (first.Opened, first.Updated, first.Resolved));
        Assert.Equal((0, 1), (again.Opened, again.Unchanged));
        var alert = Assert.Single(alerts);
        Assert.Equal(("C2", "dormant", AlertStatus.Open), (alert.CustomerId, alert.RuleId, alert.Status));
    }
}
