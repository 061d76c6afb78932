using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of webhook_subscriptions; events as a comma-separated list.</summary>
public sealed class WebhookSubscriptionEntity
{
    public long SubscriptionId { get; set; }
    public required string Url { get; set; }
    public required string Events { get; set; }
    public required string Secret { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class WebhookSubscriptionEntityConfiguration : IEntityTypeConfiguration<WebhookSubscriptionEntity>
{
    public void Configure(EntityTypeBuilder<WebhookSubscriptionEntity> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(x => x.SubscriptionId);
        OperationColumns.Map(builder, "subscription_id", "url", "events", "secret", "active", "created_at");
    }
}
