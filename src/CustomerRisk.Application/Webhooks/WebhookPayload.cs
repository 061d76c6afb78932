using System.Security.Cryptography;
using System.Text;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;

namespace CustomerRisk.Application.Webhooks;

/// <summary>The JSON body of an alert event and its signature.</summary>
/// <remarks>Body: <c>{"event":"alert.opened","occurred_at":"…","alert":{…}}</c> with the alert's fields in snake_case.
/// The signature header is <c>X-CRisk-Signature: sha256=HEX</c>, the lower-case hex HMAC-SHA256 of the exact body
/// bytes (UTF-8) keyed with the subscription's secret (UTF-8), the scheme GitHub's webhooks use; a receiver recomputes
/// it and compares in constant time.</remarks>
public static class WebhookPayload
{
    /// <summary>The signature header's name.</summary>
    public const string SignatureHeader = "X-CRisk-Signature";

    /// <summary>The event header's name.</summary>
    public const string EventHeader = "X-CRisk-Event";

    /// <summary>The delivery-id header's name (the same id on every retry, so a receiver can drop duplicates).</summary>
    public const string DeliveryHeader = "X-CRisk-Delivery";

    /// <summary>The body of an alert event.</summary>
    public static string ForAlert(string eventType, Alert alert, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return OperationsJson.Serialize(new AlertEventBody(eventType, occurredAt.ToUniversalTime(), alert));
    }

    /// <summary>The header value <c>sha256=HEX</c> for a body.</summary>
    public static string Sign(string secret, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="body"/> under
    /// <paramref name="secret"/>, compared in constant time.</summary>
    public static bool Verify(string secret, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>The <c>alert.alert_id</c> of an event body, or null when the body names none (or is not JSON).</summary>
    public static long? AlertIdOf(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            using var body = System.Text.Json.JsonDocument.Parse(payload);
            return body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && body.RootElement.TryGetProperty("alert", out var alert) && alert.ValueKind == System.Text.Json.JsonValueKind.Object
                && alert.TryGetProperty("alert_id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.Number
                && id.TryGetInt64(out var value) ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record AlertEventBody(string Event, DateTimeOffset OccurredAt, Alert Alert);
}
