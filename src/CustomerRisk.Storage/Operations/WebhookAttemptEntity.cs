using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of webhook_attempts: one HTTP attempt of a delivery.</summary>
public sealed class WebhookAttemptEntity
{
    public long AttemptId { get; set; }
    public required string CustomerId { get; set; }
    public long DeliveryId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int? DurationMs { get; set; }
}

internal sealed class WebhookAttemptEntityConfiguration : IEntityTypeConfiguration<WebhookAttemptEntity>
{
    public void Configure(EntityTypeBuilder<WebhookAttemptEntity> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(x => x.AttemptId);
        OperationColumns.Map(builder, "attempt_id", "customer_id", "delivery_id", "attempt", "attempted_at", "status_code", "error", "duration_ms");
    }
}
