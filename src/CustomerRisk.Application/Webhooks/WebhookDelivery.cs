namespace CustomerRisk.Application.Webhooks;

/// <summary>One event to deliver to one subscription: a row of the outbox, written in the same transaction as the
/// alert change that raised it.</summary>
public sealed record WebhookDelivery
{
    /// <summary>The id given by the store.</summary>
    public long DeliveryId { get; init; }

    /// <summary>The subscription it goes to.</summary>
    public required long SubscriptionId { get; init; }

    /// <summary>The subscription's URL (read with the delivery).</summary>
    public required string Url { get; init; }

    /// <summary>The subscription's secret (read with the delivery, never written to output).</summary>
    public required string Secret { get; init; }

    /// <summary>The customer the event is about.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The event (<see cref="Alerts.AlertEvents"/>).</summary>
    public required string EventType { get; init; }

    /// <summary>The JSON body POSTed, exactly as signed.</summary>
    public required string Payload { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c> (gave up after the most attempts).</summary>
    public required string Status { get; init; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The attempts made before an administrator last re-queued it (0 when never re-queued): a re-queued
    /// delivery gets the full <see cref="WebhookDeliveryOptions.MaxAttempts"/> again, counted from here.</summary>
    public int AttemptsBeforeRetry { get; init; }

    /// <summary>When it was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The earliest time the dispatcher tries it (again).</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>What went wrong on the latest failed attempt.</summary>
    public string? LastError { get; init; }
}
