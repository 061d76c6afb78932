namespace CustomerRisk.Application.Webhooks;

/// <summary>How many of a subscription's deliveries stand at each status, counted by the database (GROUP BY).</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Pending">Queued and not yet accepted (waiting for the next attempt).</param>
/// <param name="Delivered">Accepted by the receiver.</param>
/// <param name="Failed">Given up after the most attempts.</param>
public sealed record WebhookDeliveryCounts(long SubscriptionId, int Pending, int Delivered, int Failed);
