using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

public sealed class WebhookDeliveryTests
{
    private static readonly WebhookDeliveryOptions Quick = new()
    {
        AttemptsPerRun = 3,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        RescheduleDelay = TimeSpan.Zero,
        MaxAttempts = 5,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task OpenOneAlertAsync(OperationsFixture f, TimeProvider clock) =>
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"),
            [Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)])]), f.Operations, CreditPolicy.Default, clock);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Receiver_FailingTwiceThenAccepting_GetsTheEventDeliveredOnce_WithEveryAttemptRecorded(string provider)
    {
        var clock = TimeProvider.System;
        await using var f = await CreateAsync(provider, clock);
        await using var receiver = new LocalReceiver(500, 503, 200);
        var subscription = await AddWebhook.HandleAsync(new AddWebhookRequest(receiver.Url, ["alert.opened"], "s3cret-s3cret-s3cret", "mei"), f.Operations, clock);
        await OpenOneAlertAsync(f, clock);
        using var http = new HttpClient();

        var run = await DeliverWebhooks.HandleAsync(Quick, f.Operations, http, clock);
        var again = await DeliverWebhooks.HandleAsync(Quick, f.Operations, http, clock);
        var delivery = Assert.Single(await f.Operations.ReadDeliveriesAsync(null));
        var attempts = await f.Operations.ReadAttemptsAsync(delivery.DeliveryId);
        var received = receiver.Received.ToArray();

        Assert.Equal(new DeliverWebhooksResult(1, 0, 0, 3), run);
        Assert.Equal(new DeliverWebhooksResult(0, 0, 0, 0), again);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 3), (delivery.Status, delivery.Attempts));
        Assert.NotNull(delivery.DeliveredAt);
        Assert.Equal([500, 503, 200], attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal([false, false, true], attempts.Select(a => a.Succeeded));
        Assert.Equal(3, received.Length);
        Assert.Single(received, r => r.Answered == 200);
        Assert.All(received, r =>
        {
            Assert.Equal(delivery.Payload, r.Body);
            Assert.True(WebhookPayload.Verify(subscription.Secret, r.Body, r.Signature));
            Assert.False(WebhookPayload.Verify("another-secret-entirely", r.Body, r.Signature));
            Assert.Equal(("alert.opened", delivery.DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (r.Event, r.Delivery));
        });
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Receiver_ThatNeverAccepts_IsRetriedOnLaterRuns_AndGivenUpAfterTheMostAttempts(string provider)
    {
        var clock = TimeProvider.System;
        await using var f = await CreateAsync(provider, clock);
        await using var receiver = new LocalReceiver(500);
        await AddWebhook.HandleAsync(new AddWebhookRequest(receiver.Url, By: "mei"), f.Operations, clock);
        await OpenOneAlertAsync(f, clock);
        using var http = new HttpClient();

        var first = await DeliverWebhooks.HandleAsync(Quick, f.Operations, http, clock);
        var second = await DeliverWebhooks.HandleAsync(Quick, f.Operations, http, clock);
        var third = await DeliverWebhooks.HandleAsync(Quick, f.Operations, http, clock);
        var delivery = Assert.Single(await f.Operations.ReadDeliveriesAsync(null));

        Assert.Equal(new DeliverWebhooksResult(0, 1, 0, 3), first);
        Assert.Equal(new DeliverWebhooksResult(0, 0, 1, 2), second);
        Assert.Equal(new DeliverWebhooksResult(0, 0, 0, 0), third);
        Assert.Equal((WebhookDeliveryStatus.Failed, 5), (delivery.Status, delivery.Attempts));
        Assert.StartsWith("HTTP 500", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(5, receiver.Received.Count);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task RefusedConnection_IsAFailedAttemptWithNoStatus_AndWaitsForTheRescheduledTime(string provider)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        await using var f = await CreateAsync(provider, clock);
        int port;
        await using (var closed = new LocalReceiver(200))
        {
            port = closed.Port;
        }

        await AddWebhook.HandleAsync(new AddWebhookRequest($"http://127.0.0.1:{port}/gone", By: "mei"), f.Operations, clock);
        await OpenOneAlertAsync(f, clock);
        using var http = new HttpClient();
        var options = Quick with { AttemptsPerRun = 1, RescheduleDelay = TimeSpan.FromMinutes(1) };

        var first = await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock);
        var tooEarly = await DeliverWebhooks.HandleAsync(options, f.Operations, http, clock);
        var delivery = Assert.Single(await f.Operations.ReadDeliveriesAsync(null));
        var attempt = Assert.Single(await f.Operations.ReadAttemptsAsync(delivery.DeliveryId));

        Assert.Equal(new DeliverWebhooksResult(0, 1, 0, 1), first);
        Assert.Equal(new DeliverWebhooksResult(0, 0, 0, 0), tooEarly);
        Assert.Null(attempt.StatusCode);
        Assert.False(attempt.Succeeded);
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), delivery.NextAttemptAt);
    }
}
