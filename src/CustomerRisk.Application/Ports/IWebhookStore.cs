using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Application.Ports;

/// <summary>Webhook subscriptions and the delivery outbox.</summary>
public interface IWebhookStore
{
    /// <summary>Saves a new subscription and gives it back with its id, in one transaction with its audit record.</summary>
    Task<WebhookSubscription> AddSubscriptionAsync(WebhookSubscription subscription, Func<WebhookSubscription, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>Marks an active subscription inactive and appends its audit record in the same transaction; the
    /// subscription as it now stands (an inactive one unchanged, nothing appended), or null when there is none.</summary>
    Task<WebhookSubscription?> RemoveSubscriptionAsync(long subscriptionId, Func<WebhookSubscription, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>Every subscription, by id.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Pending deliveries whose next attempt is due at <paramref name="now"/>, oldest first, at most
    /// <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ReadDueDeliveriesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Deliveries by status (null for all), by id.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ReadDeliveriesAsync(string? status, CancellationToken cancellationToken = default);

    /// <summary>The attempts of a delivery, in order.</summary>
    Task<IReadOnlyList<WebhookAttempt>> ReadAttemptsAsync(long deliveryId, CancellationToken cancellationToken = default);

    /// <summary>One subscription, or null when there is none.</summary>
    Task<WebhookSubscription?> ReadSubscriptionAsync(long subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Every subscription's deliveries counted by status in the database (GROUP BY); a subscription with no
    /// delivery is left out.</summary>
    Task<IReadOnlyList<WebhookDeliveryCounts>> CountDeliveriesAsync(CancellationToken cancellationToken = default);

    /// <summary>A page of a subscription's deliveries, newest first, filtered and paged in the database, each with its
    /// attempts (no payload); the query is taken as valid (<see cref="ListWebhookDeliveries"/> checks it).</summary>
    Task<WebhookDeliveryPage> SearchDeliveriesAsync(WebhookDeliveryQuery query, CancellationToken cancellationToken = default);

    /// <summary>One delivery with its payload and attempts, or null when there is none.</summary>
    Task<WebhookDeliveryDetail?> ReadDeliveryAsync(long deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Makes the failed deliveries of an active subscription (only <paramref name="deliveryId"/> when given)
    /// pending again, due at <paramref name="at"/>, with their attempt count so far kept as the base of a fresh budget,
    /// and appends <paramref name="audit"/> of their ids in the same transaction; the ids re-queued (none: nothing is
    /// changed or appended).</summary>
    Task<IReadOnlyList<long>> RequeueFailedDeliveriesAsync(long subscriptionId, long? deliveryId, DateTimeOffset at,
        Func<IReadOnlyList<long>, AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>Records one attempt and the delivery's new status, attempt count and next attempt time together.</summary>
    Task RecordAttemptAsync(WebhookAttempt attempt, string status, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);
}
