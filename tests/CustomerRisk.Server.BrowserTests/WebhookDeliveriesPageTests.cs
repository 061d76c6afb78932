using System.Net;
using System.Net.Sockets;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Storage.Operations;
using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>An administrator opens the deliveries of a subscription whose receiver refused an event, presses Retry on
/// the failed delivery and sees it pending, with the subscription's counts and "Retry all failed" following without a
/// reload; the same view in Chinese. On a server of its own, so that its subscription
/// is the only one. Screenshots: webhook-deliveries.png, webhook-deliveries-zh.png.</summary>
public sealed class WebhookDeliveriesPageTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task Admin_OpensTheDeliveries_RetriesTheFailedOne_AndSeesItPending()
    {
        var (subscription, delivery) = await FailedDeliveryAsync();
        var (page, errors) = await SignedInAsync(server, "ada", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/webhooks");
        var subscriptionRow = page.Locator("#webhook-table tbody tr").Filter(new() { HasText = subscription.Url });
        await Assertions.Expect(subscriptionRow.Locator("td").Nth(7)).ToHaveTextAsync("1");
        await subscriptionRow.GetByRole(AriaRole.Link, new() { Name = $"Deliveries of webhook {subscription.SubscriptionId} ({subscription.Url})" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Deliveries of webhook {subscription.SubscriptionId} ({subscription.Url})" }))
            .ToBeVisibleAsync();
        var row = page.Locator($"#delivery-table tbody tr[data-delivery-id='{delivery}']");
        await Assertions.Expect(row.Locator(".status-cell")).ToHaveTextAsync("failed");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("alert acknowledged");
        await Assertions.Expect(row.Locator(".note-cell")).ToHaveTextAsync("HTTP 503 Service Unavailable");
        await row.Locator("summary").ClickAsync();
        await Assertions.Expect(row.Locator("li")).ToContainTextAsync("HTTP 503");
        await Assertions.Expect(page.Locator("#retry-all-failed")).ToHaveTextAsync("Retry all failed (1)");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Retry delivery {delivery}" }).ClickAsync();

        await Assertions.Expect(row.Locator(".status-cell")).ToHaveTextAsync("pending");
        await Assertions.Expect(page.Locator("#webhook-status")).ToHaveTextAsync($"Delivery {delivery} re-queued: the next delivery pass sends it.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Retry delivery {delivery}" })).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("td").Nth(7)).Not.ToHaveTextAsync("-");
        // The counts follow the retry without a reload: no failed delivery is left to retry all of.
        await Assertions.Expect(page.Locator("#retry-all-failed")).ToHaveCountAsync(0);
        await Assertions.Expect(subscriptionRow.Locator("td").Nth(7)).ToHaveTextAsync("0");
        await Assertions.Expect(subscriptionRow.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "webhook-deliveries.png"), FullPage = true });
        Assert.Empty(errors);

        var (zh, zhErrors) = await SignedInAsync(server, "ada", "zh-CN");
        await zh.GotoAsync($"{server.BaseUrl}/webhooks?deliveries={subscription.SubscriptionId}");
        await Assertions.Expect(zh.GetByRole(AriaRole.Heading, new() { Name = $"Webhook {subscription.SubscriptionId}（{subscription.Url}）的投递记录" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(zh.Locator($"#delivery-table tbody tr[data-delivery-id='{delivery}'] .status-cell")).ToHaveTextAsync("待发送");
        await zh.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "webhook-deliveries-zh.png"), FullPage = true });
        Assert.Empty(zhErrors);
    }

    /// <summary>A subscription to a local receiver that answers 503, an acknowledged alert queued for it, and one
    /// dispatcher run that gives the delivery up after its only attempt.</summary>
    private async Task<(WebhookSubscription Subscription, long DeliveryId)> FailedDeliveryAsync()
    {
        var db = Path.Combine(server.Folder, "store.db");
        using var receiver = new HttpListener();
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}/refusing/";
        receiver.Prefixes.Add(url);
        receiver.Start();
        var answering = Task.Run(async () =>
        {
            var context = await receiver.GetContextAsync();
            context.Response.StatusCode = 503;
            context.Response.Close();
        });

        await using var store = OperationsStoreFactory.Open(db);
        var subscription = await AddWebhook.HandleAsync(new AddWebhookRequest(url, ["alert.acknowledged"], By: "ada"), store, TimeProvider.System);
        var alert = (await store.ReadAlertsAsync(AlertStatus.Open, null))[0];
        await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(alert.AlertId, "carl", "calling them"), store, TimeProvider.System);
        using var http = new HttpClient();
        var run = await DeliverWebhooks.HandleAsync(new WebhookDeliveryOptions { AttemptsPerRun = 1, MaxAttempts = 1 }, store, http, TimeProvider.System);
        await answering;
        Assert.Equal(new DeliverWebhooksResult(0, 0, 1, 1), run);
        var delivery = Assert.Single(await store.ReadDeliveriesAsync(WebhookDeliveryStatus.Failed));
        return (subscription, delivery.DeliveryId);
    }
}
