namespace CustomerRisk.Application.Webhooks;

/// <summary>The status codes of an outbox row.</summary>
public static class WebhookDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    public const string Pending = "pending";

    /// <summary>The receiver answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up after the most attempts.</summary>
    public const string Failed = "failed";
}
