using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Application.Tests.Operations;

/// <summary>The re-queue rule by hand at every status, for an active and a removed subscription, and the alert id read
/// from an event body.</summary>
public sealed class WebhookRetryRulesTests
{
    [Theory]
    [InlineData("failed", true, null)]
    [InlineData("pending", true, "is pending: it is already queued")]
    [InlineData("delivered", true, "was delivered: the receiver accepted it")]
    [InlineData("failed", false, "belongs to a removed subscription")]
    [InlineData("pending", false, "belongs to a removed subscription")]
    [InlineData("delivered", false, "belongs to a removed subscription")]
    [InlineData("given_up", true, "unknown status 'given_up'")]
    public void OnlyAFailedDeliveryOfAnActiveSubscription_CanBeRequeued(string status, bool active, string? refusal)
    {
        var reason = RetryWebhookDeliveries.Refusal(42, status, active);

        if (refusal is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.NotNull(reason);
            Assert.StartsWith("Webhook delivery 42 ", reason, StringComparison.Ordinal);
            Assert.Contains(refusal, reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"event\":\"alert.opened\",\"alert\":{\"alert_id\":17,\"customer_id\":\"C1\"}}", 17L)]
    [InlineData("{\"event\":\"alert.opened\",\"alert\":{\"customer_id\":\"C1\"}}", null)]
    [InlineData("{\"event\":\"alert.opened\",\"alert\":{\"alert_id\":\"17\"}}", null)]
    [InlineData("{\"event\":\"alert.opened\",\"alert\":[17]}", null)]
    [InlineData("[]", null)]
    [InlineData("not json", null)]
    public void AlertId_IsReadFromTheEventBody_OrNullWhenItNamesNone(string payload, long? expected)
    {
        Assert.Equal(expected, WebhookPayload.AlertIdOf(payload));
    }

    [Fact]
    public void AlertId_OfARealEventBody_IsTheAlertsId()
    {
        var alert = new Alerts.Alert
        {
            AlertId = 9, CustomerId = "C1", RuleId = "complaints", Metric = "complaints", Value = 3m, Severity = "medium", Message = "m",
            FirstSeen = new DateOnly(2026, 9, 30), LastSeen = new DateOnly(2026, 9, 30), Status = Alerts.AlertStatus.Open,
        };

        Assert.Equal(9L, WebhookPayload.AlertIdOf(WebhookPayload.ForAlert("alert.opened", alert, DateTimeOffset.UnixEpoch)));
    }
}
