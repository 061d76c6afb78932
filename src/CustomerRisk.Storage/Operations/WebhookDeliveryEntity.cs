using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of webhook_deliveries, the outbox.</summary>
public sealed class WebhookDeliveryEntity
{
    public long DeliveryId { get; set; }
    public required string CustomerId { get; set; }
    public long SubscriptionId { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
    public int AttemptsBeforeRetry { get; set; }
}

internal sealed class WebhookDeliveryEntityConfiguration : IEntityTypeConfiguration<WebhookDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(x => x.DeliveryId);
        OperationColumns.Map(builder, "delivery_id", "customer_id", "subscription_id", "event_type", "payload", "status", "attempts",
            "created_at", "next_attempt_at", "delivered_at", "last_error",
            "attempts_before_retry");
    }
}
