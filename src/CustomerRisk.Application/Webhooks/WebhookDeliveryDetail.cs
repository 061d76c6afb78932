namespace CustomerRisk.Application.Webhooks;

/// <summary>One delivery of the outbox as an administrator sees it (`crisk webhooks deliveries`, the API and the
/// dashboard): what it is about, where it stands, and every HTTP attempt; never the subscription's secret.</summary>
public sealed record WebhookDeliveryDetail
{
    /// <summary>The delivery's id (the <c>X-CRisk-Delivery</c> header of every attempt).</summary>
    public required long DeliveryId { get; init; }

    /// <summary>The subscription it goes to.</summary>
    public required long SubscriptionId { get; init; }

    /// <summary>False when the subscription was removed: its deliveries are no longer sent nor re-queued.</summary>
    public required bool SubscriptionActive { get; init; }

    /// <summary>The event (<see cref="Alerts.AlertEvents"/>).</summary>
    public required string EventType { get; init; }

    /// <summary>The customer the event is about.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The alert the event is about (read from the payload), or null when the payload names none.</summary>
    public long? AlertId { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c> (<see cref="WebhookDeliveryStatus"/>).</summary>
    public required string Status { get; init; }

    /// <summary>Attempts made in all, re-queues included.</summary>
    public required int AttemptCount { get; init; }

    /// <summary>Attempts made before the latest re-queue (0 when never re-queued).</summary>
    public int AttemptsBeforeRetry { get; init; }

    /// <summary>When it was queued (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The earliest time the dispatcher tries it (again), UTC; null unless it is pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>When the receiver accepted it (UTC).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>What went wrong on the latest failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>Every attempt, in order (time, HTTP status or error, duration in milliseconds).</summary>
    public required IReadOnlyList<WebhookAttempt> Attempts { get; init; }

    /// <summary>The JSON body, exactly as signed and POSTed; only when one delivery is read, null in lists.</summary>
    public string? Payload { get; init; }
}
