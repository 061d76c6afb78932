using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>What an administrator sees of the outbox and how a failed delivery is re-queued, on both providers: counts
/// by status from the database, a subscription's deliveries newest first and paged, the re-queue rules at each status,
/// its audit record, and a re-queued delivery actually sent by the next dispatcher run.</summary>
public sealed class WebhookDeliveryRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeProvider Clock = new FixedClock(Now);

    /// <summary>Subscription A and B both get seven alert.opened deliveries (C1…C7). A's, in queue order: 1–2 delivered,
    /// 3–5 failed, 6–7 pending; B's: the first failed, the rest pending. By hand: A 2 pending, 2 delivered, 3 failed;
    /// B 6 pending, 0 delivered, 1 failed.</summary>
    private sealed record Seeded(WebhookSubscription A, WebhookSubscription B, long[] AIds, long[] BIds);

    private static async Task<Seeded> SeedAsync(OperationsFixture f)
    {
        var a = await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/a", By: "ops"), f.Operations, Clock);
        var b = await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/b", By: "ops"), f.Operations, Clock);
        var assessments = Enumerable.Range(1, 7).Select(i => Assessment($"C{i}", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)])).ToArray();
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"), assessments), f.Operations, CreditPolicy.Default, Clock);
        var all = await f.Operations.ReadDeliveriesAsync(null);
        var aIds = all.Where(d => d.SubscriptionId == a.SubscriptionId).Select(d => d.DeliveryId).Order().ToArray();
        var bIds = all.Where(d => d.SubscriptionId == b.SubscriptionId).Select(d => d.DeliveryId).Order().ToArray();
        Assert.Equal(7, aIds.Length);
        Assert.Equal(7, bIds.Length);
        foreach (var id in aIds[..2])
        {
            await f.Operations.RecordAttemptAsync(new WebhookAttempt(id, 1, Now, 200, null, 40), WebhookDeliveryStatus.Delivered, Now);
        }

        foreach (var id in aIds[2..5].Append(bIds[0]))
        {
            await f.Operations.RecordAttemptAsync(new WebhookAttempt(id, 1, Now, 500, "HTTP 500 Internal Server Error", 12), WebhookDeliveryStatus.Pending, Now);
            await f.Operations.RecordAttemptAsync(new WebhookAttempt(id, 2, Now.AddMinutes(1), null, "Connection refused", 3), WebhookDeliveryStatus.Failed, Now);
        }

        return new Seeded(a, b, aIds, bIds);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task CountsByStatus_ComeFromTheDatabase_AndEqualTheHandCount(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var seeded = await SeedAsync(f);
        var c = await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/c", By: "ops"), f.Operations, Clock);

        var counts = await f.Operations.CountDeliveriesAsync();

        Assert.Equal(
            [new WebhookDeliveryCounts(seeded.A.SubscriptionId, 2, 2, 3), new WebhookDeliveryCounts(seeded.B.SubscriptionId, 6, 0, 1)],
            counts);
        Assert.DoesNotContain(counts, x => x.SubscriptionId == c.SubscriptionId);
        Assert.Equal(3, await f.Test.CountAsync($"SELECT count(*) FROM webhook_deliveries WHERE subscription_id = {seeded.A.SubscriptionId} AND status = 'failed'"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Deliveries_AreNewestFirst_PagedAndFilteredByStatus_WithTheirAttempts(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var s = await SeedAsync(f);
        var a = s.A.SubscriptionId;

        var first = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(a, null, 1, 3), f.Operations);
        var third = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(a, null, 3, 3), f.Operations);
        var beyond = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(a, null, 4, 3), f.Operations);
        var failed = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(a, WebhookDeliveryStatus.Failed, 1, 50), f.Operations);
        var delivered = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(a, WebhookDeliveryStatus.Delivered, 2, 1), f.Operations);

        Assert.Equal(7, first.Total);
        Assert.Equal([s.AIds[6], s.AIds[5], s.AIds[4]], first.Items.Select(d => d.DeliveryId));
        Assert.Equal(7, third.Total);
        Assert.Equal([s.AIds[0]], third.Items.Select(d => d.DeliveryId));
        Assert.Equal(7, beyond.Total);
        Assert.Empty(beyond.Items);
        Assert.Equal(3, failed.Total);
        Assert.Equal([s.AIds[4], s.AIds[3], s.AIds[2]], failed.Items.Select(d => d.DeliveryId));
        Assert.Equal(2, delivered.Total);
        Assert.Equal([s.AIds[0]], delivered.Items.Select(d => d.DeliveryId));

        var one = failed.Items[0];
        Assert.Equal((a, true, "alert.opened", "C5", WebhookDeliveryStatus.Failed, 2), (one.SubscriptionId, one.SubscriptionActive, one.EventType,
            one.CustomerId, one.Status, one.AttemptCount));
        Assert.Null(one.NextAttemptAt);
        Assert.Null(one.Payload);
        Assert.Equal("Connection refused", one.LastError);
        Assert.Equal([(1, (int?)500, (int?)12), (2, null, 3)], one.Attempts.Select(x => (x.Attempt, x.StatusCode, x.DurationMs)));
        var alert = Assert.Single(await f.Operations.ReadAlertsAsync(AlertStatus.Open, "C5"));
        Assert.Equal(alert.AlertId, one.AlertId);
        var pending = first.Items[0];
        Assert.Equal((WebhookDeliveryStatus.Pending, (DateTimeOffset?)Now), (pending.Status, pending.NextAttemptAt));
        Assert.Empty(pending.Attempts);

        var read = await ListWebhookDeliveries.OneAsync(one.DeliveryId, f.Operations);
        var stored = Assert.Single(await f.Operations.ReadDeliveriesAsync(null), d => d.DeliveryId == one.DeliveryId);
        Assert.Equal(stored.Payload, read.Payload);
        Assert.Equal(one with { Payload = stored.Payload }, read with { Attempts = one.Attempts });
        Assert.Equal(one.Attempts, read.Attempts);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Listing_RefusesAnUnknownSubscription_AStatusNotKnown_AndAPageOutOfRange(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var s = await SeedAsync(f);

        var unknown = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(987654), f.Operations));
        var status = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(s.A.SubscriptionId, "given_up"), f.Operations));
        var size = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(s.A.SubscriptionId, null, 1, 501), f.Operations));
        var noDelivery = await Assert.ThrowsAsync<OperationRefusedException>(() => ListWebhookDeliveries.OneAsync(987654, f.Operations));

        Assert.True(unknown.NotFound);
        Assert.True(noDelivery.NotFound);
        Assert.False(status.NotFound);
        Assert.Contains("pending, delivered, failed", status.Message, StringComparison.Ordinal);
        Assert.False(size.NotFound);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task OnlyAFailedDelivery_IsRequeued_WithItsAuditRecord_AndPendingOrDeliveredAreRefusedAndAppendNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var s = await SeedAsync(f);
        var later = new FixedClock(Now.AddHours(2));
        var auditBefore = (await f.Credit.ListAuditAsync(null, 100)).Count;

        var pending = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(s.AIds[6], "ada"), f.Operations, later));
        var delivered = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(s.AIds[0], "ada"), f.Operations, later));
        var unknown = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(987654, "ada"), f.Operations, later));
        var nobody = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(s.AIds[2], " "), f.Operations, later));
        Assert.Equal(auditBefore, (await f.Credit.ListAuditAsync(null, 100)).Count);

        var result = await RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(s.AIds[2], "ada"), f.Operations, later);
        var again = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(s.AIds[2], "ada"), f.Operations, later));

        Assert.Contains("is pending", pending.Message, StringComparison.Ordinal);
        Assert.Contains("was delivered", delivered.Message, StringComparison.Ordinal);
        Assert.True(unknown.NotFound);
        Assert.False(pending.NotFound || delivered.NotFound || nobody.NotFound);
        Assert.Contains("is pending", again.Message, StringComparison.Ordinal);
        Assert.Equal((s.A.SubscriptionId, Now.AddHours(2)), (result.SubscriptionId, result.NextAttemptAt));
        Assert.Equal([s.AIds[2]], result.Requeued);
        var now = await ListWebhookDeliveries.OneAsync(s.AIds[2], f.Operations);
        Assert.Equal((WebhookDeliveryStatus.Pending, 2, 2, (DateTimeOffset?)Now.AddHours(2), 2),
            (now.Status, now.AttemptCount, now.AttemptsBeforeRetry, now.NextAttemptAt, now.Attempts.Count));
        Assert.Contains(await f.Operations.CountDeliveriesAsync(), c => c == new WebhookDeliveryCounts(s.A.SubscriptionId, 3, 2, 2));

        var audit = await f.Credit.ListAuditAsync(null, 100);
        Assert.Equal(auditBefore + 1, audit.Count);
        var record = Assert.Single(audit, r => r.Action == "webhook.retry");
        Assert.Equal(("ada", $"webhook_subscription:{s.A.SubscriptionId}", "C3"), (record.Actor, record.Entity, record.CustomerId));
        Assert.Contains($"\"delivery_ids\":[{s.AIds[2]}]", record.After, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"pending\"", record.After, StringComparison.Ordinal);
        Assert.True((await VerifyAuditTrail.HandleAsync(f.Credit, CancellationToken.None)).Intact);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AllFailed_AreRequeuedInOneAuditRecord_OnlyThatSubscriptions_AndARepeatFindsNoneAndAppendsNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var s = await SeedAsync(f);

        var result = await RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(s.A.SubscriptionId, "ada"), f.Operations, Clock);
        var auditAfter = (await f.Credit.ListAuditAsync(null, 100)).Count;
        var repeat = await RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(s.A.SubscriptionId, "ada"), f.Operations, Clock);
        var unknown = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(987654, "ada"), f.Operations, Clock));

        Assert.Equal(s.AIds[2..5], result.Requeued);
        Assert.Empty(repeat.Requeued);
        Assert.Equal(auditAfter, (await f.Credit.ListAuditAsync(null, 100)).Count);
        Assert.True(unknown.NotFound);
        Assert.Equal(
            [new WebhookDeliveryCounts(s.A.SubscriptionId, 5, 2, 0), new WebhookDeliveryCounts(s.B.SubscriptionId, 6, 0, 1)],
            await f.Operations.CountDeliveriesAsync());
        var record = Assert.Single(await f.Credit.ListAuditAsync(null, 100), r => r.Action == "webhook.retry");
        Assert.Null(record.CustomerId);
        Assert.Contains($"\"delivery_ids\":[{string.Join(',', s.AIds[2..5])}]", record.After, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ARemovedSubscriptionsDeliveries_AreNotRequeued_OneOrAll(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var s = await SeedAsync(f);
        await RemoveWebhook.HandleAsync(new RemoveWebhookRequest(s.B.SubscriptionId, "ops"), f.Operations, Clock);
        var auditBefore = (await f.Credit.ListAuditAsync(null, 100)).Count;

        var one = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(s.BIds[0], "ada"), f.Operations, Clock));
        var all = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(s.B.SubscriptionId, "ada"), f.Operations, Clock));
        // The store checks it too, inside its transaction (a removal between the use case's read and the change).
        var direct = await f.Operations.RequeueFailedDeliveriesAsync(s.B.SubscriptionId, null, Now, _ => throw new InvalidOperationException("no audit"));

        Assert.Contains("removed subscription", one.Message, StringComparison.Ordinal);
        Assert.Contains("was removed", all.Message, StringComparison.Ordinal);
        Assert.False(one.NotFound || all.NotFound);
        Assert.Empty(direct);
        Assert.Equal(auditBefore, (await f.Credit.ListAuditAsync(null, 100)).Count);
        Assert.Equal(WebhookDeliveryStatus.Failed, (await ListWebhookDeliveries.OneAsync(s.BIds[0], f.Operations)).Status);
        Assert.False((await ListWebhookDeliveries.OneAsync(s.BIds[0], f.Operations)).SubscriptionActive);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ARequeueWhoseAuditRecordCannotBeWritten_IsNotKept(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var s = await SeedAsync(f);
        // Without its head row the chain cannot be extended: the append fails inside the re-queue's transaction.
        await using (var connection = await f.Test.ConnectAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM audit_head";
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(s.A.SubscriptionId, "ada"), f.Operations, Clock));

        Assert.Equal(3, await f.Test.CountAsync($"SELECT count(*) FROM webhook_deliveries WHERE subscription_id = {s.A.SubscriptionId} AND status = 'failed'"));
        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM webhook_deliveries WHERE attempts_before_retry > 0"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ARequeuedDelivery_IsSentByTheNextRun_WithAFreshBudget_AndTheSameDeliveryId(string provider)
    {
        var clock = TimeProvider.System;
        await using var f = await CreateAsync(provider, clock);
        // Two refusals give it up (two attempts at most); after the re-queue one more refusal, then accepted.
        await using var receiver = new LocalReceiver(500, 503, 502, 200);
        var options = new WebhookDeliveryOptions
        {
            AttemptsPerRun = 2, MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(5), RescheduleDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(30),
        };
        var subscription = await AddWebhook.HandleAsync(new AddWebhookRequest(receiver.Url, ["alert.opened"], "s3cret-s3cret-s3cret", "mei"), f.Operations, clock);
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"), [Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)])]),
            f.Operations, CreditPolicy.Default, clock);
        using var http = new HttpClient();

        var givenUp = await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock);
        var idle = await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock);
        var delivery = Assert.Single(await f.Operations.ReadDeliveriesAsync(null));
        await RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(delivery.DeliveryId, "ada"), f.Operations, clock);
        var resent = await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock);
        var after = await ListWebhookDeliveries.OneAsync(delivery.DeliveryId, f.Operations);
        var received = receiver.Received.ToArray();

        Assert.Equal(new DeliverWebhooksResult(0, 0, 1, 2), givenUp);
        Assert.Equal(new DeliverWebhooksResult(0, 0, 0, 0), idle);
        Assert.Equal(new DeliverWebhooksResult(1, 0, 0, 2), resent);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 4, 2), (after.Status, after.AttemptCount, after.AttemptsBeforeRetry));
        Assert.Equal([500, 503, 502, 200], after.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([1, 2, 3, 4], after.Attempts.Select(a => a.Attempt));
        Assert.All(after.Attempts, a => Assert.True(a.DurationMs >= 0));
        Assert.Equal(4, received.Length);
        Assert.All(received, r =>
        {
            Assert.Equal(after.Payload, r.Body);
            Assert.True(WebhookPayload.Verify(subscription.Secret, r.Body, r.Signature));
            Assert.Equal(delivery.DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Delivery);
        });
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ARequeuedDeliveryThatKeepsFailing_IsGivenUpAgainAfterTheMostAttemptsSinceTheRequeue(string provider)
    {
        var clock = TimeProvider.System;
        await using var f = await CreateAsync(provider, clock);
        await using var receiver = new LocalReceiver(500);
        var options = new WebhookDeliveryOptions
        {
            AttemptsPerRun = 1, MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(5), RescheduleDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(30),
        };
        var subscription = await AddWebhook.HandleAsync(new AddWebhookRequest(receiver.Url, By: "mei"), f.Operations, clock);
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"), [Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)])]),
            f.Operations, CreditPolicy.Default, clock);
        using var http = new HttpClient();

        var runs = new List<DeliverWebhooksResult>();
        for (var i = 0; i < 2; i++)
        {
            runs.Add(await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock));
        }

        var retried = await RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(subscription.SubscriptionId, "ada"), f.Operations, clock);
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock));
        }

        var after = await ListWebhookDeliveries.OneAsync(Assert.Single(retried.Requeued), f.Operations);

        Assert.Equal(
            [new(0, 1, 0, 1), new(0, 0, 1, 1), new(0, 1, 0, 1), new(0, 0, 1, 1), new DeliverWebhooksResult(0, 0, 0, 0)],
            runs);
        Assert.Equal((WebhookDeliveryStatus.Failed, 4, 2), (after.Status, after.AttemptCount, after.AttemptsBeforeRetry));
        Assert.Equal(4, receiver.Received.Count);
    }
}
