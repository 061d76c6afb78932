using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>The alert synchronisation of a whole portfolio goes through the providers' bulk paths (prepared statements
/// on SQLite, COPY and one set-based UPDATE on PostgreSQL): thousands of alerts must come out as the lifecycle says,
/// every field and event included.</summary>
public sealed class AlertBulkSyncTests
{
    private const int Customers = 5_000;
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ThousandsOfAlerts_OpenUpdateAndResolve_AsTheLifecycleSays_AndQueueEveryEvent(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/all", By: "mei"), f.Operations, Clock);

        // T1: every customer fires two rules.
        var first = await Sync(f, "2026-09-30", i => [Firing("complaints", 3m, 3m), Firing("overdue_share_high", Share(i), 0.2m)]);
        var opened = await f.Operations.ReadActiveAlertsAsync(null);
        var acknowledged = opened.Single(a => a.CustomerId == Id(7) && a.RuleId == "complaints");
        await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(acknowledged.AlertId, "mei", "called"), f.Operations, Clock);

        // T2: even customers' complaints clear; every third customer's overdue share rises to high severity; the rest
        // fire as before and only move last_seen.
        var second = await Sync(f, "2026-10-31", i =>
        {
            var overdue = i % 3 == 0 ? Firing("overdue_share_high", Share(i) + 0.1m, 0.2m, "high") : Firing("overdue_share_high", Share(i), 0.2m);
            return i % 2 == 0 ? [overdue] : [Firing("complaints", 3m, 3m), overdue];
        });
        var all = await f.Operations.ReadAlertsAsync(null, null);
        var deliveries = await f.Operations.ReadDeliveriesAsync(WebhookDeliveryStatus.Pending);

        Assert.Equal((2 * Customers, 0, 0), (first.Opened, first.Updated, first.Resolved));
        // Ids rise in customer then rule order, as the lifecycle lists the alerts it opens.
        Assert.Equal(opened.OrderBy(a => a.CustomerId, StringComparer.Ordinal).Select(a => a.AlertId), opened.Select(a => a.AlertId));
        var evens = (Customers + 1) / 2;
        Assert.Equal((0, 2 * Customers - evens, evens), (second.Opened, second.Updated, second.Resolved));
        Assert.Equal(2 * Customers, all.Count);
        var resolved = all.Where(a => a.Status == AlertStatus.Resolved).ToArray();
        Assert.Equal(evens, resolved.Length);
        Assert.All(resolved, a => Assert.Equal(("complaints", "cleared", D("2026-10-31"), Clock.GetUtcNow(), D("2026-09-30")),
            (a.RuleId, a.Resolution, a.ResolvedOn!.Value, a.ResolvedAt!.Value, a.LastSeen)));
        var stillAcknowledged = Assert.Single(all, a => a.AlertId == acknowledged.AlertId);
        Assert.Equal((AlertStatus.Acknowledged, "mei", "called", Clock.GetUtcNow(), D("2026-10-31")),
            (stillAcknowledged.Status, stillAcknowledged.AcknowledgedBy, stillAcknowledged.AcknowledgeNote, stillAcknowledged.AcknowledgedAt!.Value,
                stillAcknowledged.LastSeen));
        var risen = Assert.Single(all, a => a.CustomerId == Id(3) && a.RuleId == "overdue_share_high");
        Assert.Equal((Share(3) + 0.1m, "high", D("2026-09-30"), D("2026-10-31"), AlertStatus.Open),
            (risen.Value, risen.Severity, risen.FirstSeen, risen.LastSeen, risen.Status));
        var severityChanges = (Customers + 2) / 3;
        // The acknowledgement queues its own event.
        Assert.Equal(2 * Customers + severityChanges + evens + 1, deliveries.Count);
        Assert.Single(deliveries, d => d.EventType == AlertEvents.Acknowledged);
        Assert.Equal(2 * Customers + severityChanges + evens, first.DeliveriesQueued + second.DeliveriesQueued);
        Assert.Equal(severityChanges, deliveries.Count(d => d.EventType == AlertEvents.SeverityChanged));
    }

    private static string Id(int i) => $"C{i:D5}";

    // Four decimals, all different: the stored value must come back exactly.
    private static decimal Share(int i) => 0.2m + (i % 997) / 10_000m;

    private static Task<SyncAlertsResult> Sync(OperationsFixture f, string asOf, Func<int, AlertOutput[]> firings)
    {
        var customers = new CustomerAssessment[Customers];
        for (var i = 0; i < Customers; i++)
        {
            customers[i] = Assessment(Id(i), asOf, severity: i % 3 == 0 && asOf != "2026-09-30" ? "high" : "medium", alerts: firings(i));
        }

        return SyncAlerts.HandleAsync(new SyncAlertsRequest(D(asOf), customers), f.Operations, CreditPolicy.Default, Clock);
    }
}
