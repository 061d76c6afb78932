using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerRisk.Application.Users;
using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Server.Tests;

/// <summary>A subscription's deliveries over HTTP: listed newest first with their attempts and filtered by status,
/// counted in the subscription list, read one at a time with the payload, and re-queued by an administrator (one or
/// all failed), each re-queue in the audit trail; a pending or delivered one, or one of a removed subscription, is a
/// 409 problem that changes nothing. Every answer matches its OpenAPI schema.</summary>
public sealed class WebhookDeliveriesApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Admin => fixture.ClientFor(UserRoles.Admin);

    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Deliveries_ShowStatusAttemptsAndLastError_FilterByStatus_AndTheListCountsThem()
    {
        var (subscription, delivery) = await WebhookDeliverySample.AddAsync(fixture.Db, customerId: "C00007", alertId: 31);

        using var all = JsonDocument.Parse(await Admin.GetStringAsync($"/api/webhooks/{S(subscription)}/deliveries"));
        using var failed = JsonDocument.Parse(await Admin.GetStringAsync($"/api/webhooks/{S(subscription)}/deliveries?status=failed&page=1&page_size=10"));
        using var pending = JsonDocument.Parse(await Admin.GetStringAsync($"/api/webhooks/{S(subscription)}/deliveries?status=pending"));
        using var list = JsonDocument.Parse(await Admin.GetStringAsync("/api/webhooks"));

        Assert.Equal((1, 1, 50), (all.RootElement.GetProperty("total").GetInt32(), all.RootElement.GetProperty("page").GetInt32(),
            all.RootElement.GetProperty("page_size").GetInt32()));
        Assert.Equal(1, failed.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, pending.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(pending.RootElement.GetProperty("items").EnumerateArray());
        var row = Assert.Single(all.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal((delivery, subscription, "alert.opened", "C00007", 31L, "failed", 2), (row.GetProperty("delivery_id").GetInt64(),
            row.GetProperty("subscription_id").GetInt64(), row.GetProperty("event_type").GetString(), row.GetProperty("customer_id").GetString(),
            row.GetProperty("alert_id").GetInt64(), row.GetProperty("status").GetString(), row.GetProperty("attempt_count").GetInt32()));
        Assert.Equal("Connection refused (127.0.0.1:9)", row.GetProperty("last_error").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("next_attempt_at").ValueKind);
        Assert.True(row.GetProperty("subscription_active").GetBoolean());
        Assert.False(row.TryGetProperty("secret", out _));
        Assert.True(!row.TryGetProperty("payload", out var payload) || payload.ValueKind == JsonValueKind.Null);
        var attempts = row.GetProperty("attempts").EnumerateArray().ToArray();
        Assert.Equal([(1, 503, 120), (2, 0, 2)], attempts.Select(a => (a.GetProperty("attempt").GetInt32(),
            a.GetProperty("status_code").ValueKind == JsonValueKind.Null ? 0 : a.GetProperty("status_code").GetInt32(), a.GetProperty("duration_ms").GetInt32())));
        Assert.Equal("HTTP 503 Service Unavailable", attempts[0].GetProperty("error").GetString());
        var counted = Assert.Single(list.RootElement.EnumerateArray(), s => s.GetProperty("subscription_id").GetInt64() == subscription);
        Assert.Equal((0, 0, 1), (counted.GetProperty("pending").GetInt32(), counted.GetProperty("delivered").GetInt32(), counted.GetProperty("failed").GetInt32()));
    }

    [Theory]
    [InlineData("?status=given_up", "status")]
    [InlineData("?page=0", "page")]
    [InlineData("?page_size=501", "page_size")]
    public async Task ABadQuery_Is400WithTheField(string query, string field)
    {
        var (subscription, _) = await WebhookDeliverySample.AddAsync(fixture.Db);

        using var response = await Admin.GetAsync($"/api/webhooks/{S(subscription)}/deliveries{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task UnknownSubscriptionsAndDeliveries_Are404Problems()
    {
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/api/webhooks/987654/deliveries"), (HttpMethod.Get, "/api/webhooks/deliveries/987654"),
                     (HttpMethod.Post, "/api/webhooks/deliveries/987654/retry"), (HttpMethod.Post, "/api/webhooks/987654/deliveries/retry"),
                 })
        {
            using var response = await Admin.SendAsync(new HttpRequestMessage(method, path));

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AFailedDelivery_IsRequeuedOnce_AndAuditedAsTheAdministrator_ThenItIsPending()
    {
        var (subscription, delivery) = await WebhookDeliverySample.AddAsync(fixture.Db);

        using var retry = await Admin.PostAsync($"/api/webhooks/deliveries/{S(delivery)}/retry", null);
        using var again = await Admin.PostAsync($"/api/webhooks/deliveries/{S(delivery)}/retry", null);
        using var one = JsonDocument.Parse(await Admin.GetStringAsync($"/api/webhooks/deliveries/{S(delivery)}"));
        using var audit = JsonDocument.Parse(await Admin.GetStringAsync($"/api/audit?kind=webhook.retry&page_size=500"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        using (var result = JsonDocument.Parse(await retry.Content.ReadAsStringAsync()))
        {
            Assert.Equal(subscription, result.RootElement.GetProperty("subscription_id").GetInt64());
            Assert.Equal([delivery], result.RootElement.GetProperty("requeued").EnumerateArray().Select(i => i.GetInt64()));
        }

        await AssertConflictAsync(again, "is pending");
        Assert.Equal(("pending", 2, 2), (one.RootElement.GetProperty("status").GetString(), one.RootElement.GetProperty("attempt_count").GetInt32(),
            one.RootElement.GetProperty("attempts_before_retry").GetInt32()));
        Assert.Equal(JsonValueKind.String, one.RootElement.GetProperty("next_attempt_at").ValueKind);
        Assert.Contains("\"alert_id\":1", one.RootElement.GetProperty("payload").GetString(), StringComparison.Ordinal);
        var record = Assert.Single(audit.RootElement.GetProperty("items").EnumerateArray(),
            r => r.GetProperty("entity").GetString() == $"webhook_subscription:{S(subscription)}");
        Assert.Equal(("ada", "webhook.retry"), (record.GetProperty("actor").GetString(), record.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task APendingOrDeliveredDelivery_OrOneOfARemovedSubscription_Is409_AndChangesNothing()
    {
        var (_, pending) = await WebhookDeliverySample.AddAsync(fixture.Db, WebhookDeliveryStatus.Pending);
        var (_, delivered) = await WebhookDeliverySample.AddAsync(fixture.Db, WebhookDeliveryStatus.Delivered);
        var (removedSubscription, removedDelivery) = await WebhookDeliverySample.AddAsync(fixture.Db);
        using (var remove = await Admin.DeleteAsync($"/api/webhooks/{S(removedSubscription)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }

        using var pendingRetry = await Admin.PostAsync($"/api/webhooks/deliveries/{S(pending)}/retry", null);
        using var deliveredRetry = await Admin.PostAsync($"/api/webhooks/deliveries/{S(delivered)}/retry", null);
        using var removedRetry = await Admin.PostAsync($"/api/webhooks/deliveries/{S(removedDelivery)}/retry", null);
        using var removedAll = await Admin.PostAsync($"/api/webhooks/{S(removedSubscription)}/deliveries/retry", null);

        await AssertConflictAsync(pendingRetry, "is pending");
        await AssertConflictAsync(deliveredRetry, "was delivered");
        await AssertConflictAsync(removedRetry, "removed subscription");
        await AssertConflictAsync(removedAll, "was removed");
        foreach (var (id, status) in new[] { (pending, "pending"), (delivered, "delivered"), (removedDelivery, "failed") })
        {
            using var now = JsonDocument.Parse(await Admin.GetStringAsync($"/api/webhooks/deliveries/{S(id)}"));
            Assert.Equal(status, now.RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task AllFailed_OfOneSubscription_AreRequeued_AndARepeatRequeuesNone()
    {
        var (subscription, delivery) = await WebhookDeliverySample.AddAsync(fixture.Db);

        using var first = await Admin.PostAsync($"/api/webhooks/{S(subscription)}/deliveries/retry", null);
        using var second = await Admin.PostAsync($"/api/webhooks/{S(subscription)}/deliveries/retry", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        using var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal([delivery], a.RootElement.GetProperty("requeued").EnumerateArray().Select(i => i.GetInt64()));
        Assert.Empty(b.RootElement.GetProperty("requeued").EnumerateArray());
    }

    [Fact]
    public async Task EveryDeliveriesAnswer_MatchesItsSchema_KeyForKey()
    {
        using var json = JsonDocument.Parse(await fixture.ClientFor(UserRoles.Analyst).GetStringAsync("/openapi/v1.json"));
        var document = json.RootElement;
        var (subscription, delivery) = await WebhookDeliverySample.AddAsync(fixture.Db);
        var (other, _) = await WebhookDeliverySample.AddAsync(fixture.Db);
        var answers = new List<(string Template, string Method, HttpResponseMessage Response)>
        {
            ("/api/webhooks/{subscriptionId}/deliveries", "get", await Admin.GetAsync($"/api/webhooks/{S(subscription)}/deliveries")),
            ("/api/webhooks/deliveries/{deliveryId}", "get", await Admin.GetAsync($"/api/webhooks/deliveries/{S(delivery)}")),
            ("/api/webhooks/deliveries/{deliveryId}/retry", "post", await Admin.PostAsync($"/api/webhooks/deliveries/{S(delivery)}/retry", null)),
            ("/api/webhooks/{subscriptionId}/deliveries/retry", "post", await Admin.PostAsync($"/api/webhooks/{S(other)}/deliveries/retry", null)),
            ("/api/webhooks", "get", await Admin.GetAsync("/api/webhooks")),
        };

        foreach (var (template, method, response) in answers)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var schema = document.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == template).Value
                    .GetProperty(method).GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
                    .GetProperty("schema");
                var problems = new List<string>();

                SchemaCheck.Check(answer.RootElement, schema, document, template, problems);

                Assert.True(problems.Count == 0, template + ": " + string.Join("\n", problems.Take(20)));
            }
        }
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
