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

    /// <summary>Records one attempt and the delivery's new status, attempt count and next attempt time together.</summary>
    Task RecordAttemptAsync(WebhookAttempt attempt, string status, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);
}
