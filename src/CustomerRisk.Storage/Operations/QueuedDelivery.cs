namespace CustomerRisk.Storage.Operations;

/// <summary>A webhook delivery to queue in the outbox: pending, no attempt yet, due at once.</summary>
internal readonly record struct QueuedDelivery(string CustomerId, long SubscriptionId, string EventType, string Payload);
