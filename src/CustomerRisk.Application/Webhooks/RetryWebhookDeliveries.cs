using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Webhooks;

/// <summary>Re-queue one failed delivery.</summary>
/// <param name="DeliveryId">The delivery (given up after the most attempts).</param>
/// <param name="By">Who re-queues it (required): audited as <c>webhook.retry</c>.</param>
public sealed record RetryWebhookDeliveryRequest(long DeliveryId, string By);

/// <summary>Re-queue every failed delivery of a subscription.</summary>
/// <param name="SubscriptionId">The subscription (active).</param>
/// <param name="By">Who re-queues them (required): audited as <c>webhook.retry</c>.</param>
public sealed record RetryFailedWebhookDeliveriesRequest(long SubscriptionId, string By);

/// <summary>What a re-queue did.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Requeued">The deliveries now pending again, by id (none when the subscription had no failed one).</param>
/// <param name="NextAttemptAt">When the dispatcher may try them: at once, from the next delivery pass on (UTC).</param>
public sealed record RetryWebhookDeliveriesResult(long SubscriptionId, IReadOnlyList<long> Requeued, DateTimeOffset NextAttemptAt);

/// <summary>An administrator re-queues a failed (given-up) delivery, or every failed delivery of a subscription, for the
/// next delivery pass: each becomes pending, due at once, with <see cref="WebhookDeliveryOptions.MaxAttempts"/> new
/// attempts; its earlier attempts stay on record. The change and its <c>webhook.retry</c> audit record (the
/// subscription, the delivery ids, who) are written in one transaction; a re-queue that finds no failed delivery
/// appends nothing.</summary>
/// <remarks>Only a failed delivery is re-queued: a pending one is already queued, a delivered one was accepted (sending
/// it again would be a duplicate the receiver did not ask for), and a removed subscription's deliveries are not sent,
/// so re-queueing them would do nothing. Each of these is refused with the reason (HTTP 409).</remarks>
public static class RetryWebhookDeliveries
{
    /// <summary>Why a delivery at <paramref name="status"/> of a subscription that is (or is not)
    /// <paramref name="subscriptionActive"/> cannot be re-queued, or null when it can (failed, subscription active).</summary>
    public static string? Refusal(long deliveryId, string status, bool subscriptionActive)
    {
        if (!subscriptionActive)
        {
            return $"Webhook delivery {deliveryId} belongs to a removed subscription: nothing is sent to it, so it is not re-queued.";
        }

        return status switch
        {
            WebhookDeliveryStatus.Failed => null,
            WebhookDeliveryStatus.Pending => $"Webhook delivery {deliveryId} is pending: it is already queued for the next delivery pass.",
            WebhookDeliveryStatus.Delivered => $"Webhook delivery {deliveryId} was delivered: the receiver accepted it, so it is not sent again.",
            _ => $"Webhook delivery {deliveryId} has the unknown status '{status}'.",
        };
    }

    /// <summary>Re-queues one failed delivery; refused (not found) when there is none, refused when it is not failed or
    /// its subscription was removed.</summary>
    public static async Task<RetryWebhookDeliveriesResult> HandleAsync(RetryWebhookDeliveryRequest request, IWebhookStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = OperationLookups.Required(request.By, "Who re-queues it (--by)");
        var delivery = await ListWebhookDeliveries.OneAsync(request.DeliveryId, store, cancellationToken).ConfigureAwait(false);
        if (Refusal(delivery.DeliveryId, delivery.Status, delivery.SubscriptionActive) is { } reason)
        {
            throw new OperationRefusedException(reason);
        }

        var at = clock.GetUtcNow();
        var requeued = await store.RequeueFailedDeliveriesAsync(delivery.SubscriptionId, delivery.DeliveryId, at,
            ids => Decision(delivery.SubscriptionId, delivery.CustomerId, ids, by, at), cancellationToken).ConfigureAwait(false);
        if (requeued.Count == 0)
        {
            // Another administrator re-queued it (or the subscription was removed) between the read and the change.
            throw new OperationRefusedException($"Webhook delivery {delivery.DeliveryId} is no longer failed: it was re-queued or its subscription removed just now.");
        }

        return new RetryWebhookDeliveriesResult(delivery.SubscriptionId, requeued, at);
    }

    /// <summary>Re-queues every failed delivery of a subscription (none is not an error); refused (not found) when there
    /// is no such subscription, refused when it was removed.</summary>
    public static async Task<RetryWebhookDeliveriesResult> HandleAsync(RetryFailedWebhookDeliveriesRequest request, IWebhookStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = OperationLookups.Required(request.By, "Who re-queues them (--by)");
        var subscription = await store.ReadSubscriptionAsync(request.SubscriptionId, cancellationToken).ConfigureAwait(false)
            ?? throw ListWebhookDeliveries.NoSuchSubscription(request.SubscriptionId);
        if (!subscription.Active)
        {
            throw new OperationRefusedException(
                $"Webhook subscription {subscription.SubscriptionId} was removed: nothing is sent to it, so its deliveries are not re-queued.");
        }

        var at = clock.GetUtcNow();
        var requeued = await store.RequeueFailedDeliveriesAsync(subscription.SubscriptionId, null, at,
            ids => Decision(subscription.SubscriptionId, null, ids, by, at), cancellationToken).ConfigureAwait(false);
        return new RetryWebhookDeliveriesResult(subscription.SubscriptionId, requeued, at);
    }

    private static AuditEntry Decision(long subscriptionId, string? customerId, IReadOnlyList<long> ids, string by, DateTimeOffset at) =>
        new OperationDecision("webhook.retry", customerId, subscriptionId.ToString(CultureInfo.InvariantCulture), by, at,
            OperationsJson.Serialize(new { SubscriptionId = subscriptionId, DeliveryIds = ids, Status = WebhookDeliveryStatus.Failed }),
            OperationsJson.Serialize(new { SubscriptionId = subscriptionId, DeliveryIds = ids, Status = WebhookDeliveryStatus.Pending, NextAttemptAt = at }),
            null).ToAuditEntry();
}
