using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Storage.Operations;

/// <summary>The webhook deliveries that saved alert changes queue: one per event and subscription that wants it.</summary>
internal static class AlertDeliveries
{
    /// <summary>The deliveries of <paramref name="changes"/>, whose stored alerts are <paramref name="saved"/> (same
    /// order), to <paramref name="subscriptions"/> (the active ones), stamped <paramref name="at"/> (as UTC).</summary>
    public static List<QueuedDelivery> Build(IReadOnlyList<AlertChange> changes, IReadOnlyList<Alert> saved,
        IReadOnlyList<WebhookSubscription> subscriptions, DateTimeOffset at)
    {
        var deliveries = new List<QueuedDelivery>();
        if (subscriptions.Count == 0)
        {
            return deliveries;
        }

        var utc = at.ToUniversalTime();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Event is not { } eventType)
            {
                continue;
            }

            var payload = WebhookPayload.ForAlert(eventType, saved[i], utc);
            foreach (var subscription in subscriptions)
            {
                if (subscription.Wants(eventType))
                {
                    deliveries.Add(new QueuedDelivery(saved[i].CustomerId, subscription.SubscriptionId, eventType, payload));
                }
            }
        }

        return deliveries;
    }
}
