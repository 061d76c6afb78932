using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of alerts (migration 20261130000020_AlertsReviewsCollections).</summary>
public sealed class AlertEntity
{
    public long AlertId { get; set; }
    public required string CustomerId { get; set; }
    public required string RuleId { get; set; }
    public required string Metric { get; set; }
    public decimal? Threshold { get; set; }
    public decimal Value { get; set; }
    public required string Severity { get; set; }
    public required string Message { get; set; }
    public DateOnly FirstSeen { get; set; }
    public DateOnly LastSeen { get; set; }
    public required string Status { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgeNote { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? Resolution { get; set; }
}

internal sealed class AlertEntityConfiguration : IEntityTypeConfiguration<AlertEntity>
{
    public void Configure(EntityTypeBuilder<AlertEntity> builder)
    {
        builder.ToTable("alerts");
        builder.HasKey(x => x.AlertId);
        OperationColumns.Map(builder, "alert_id", "customer_id", "rule_id", "metric", "threshold", "value", "severity", "message",
            "first_seen", "last_seen", "status", "acknowledged_by", "acknowledged_at", "acknowledge_note", "resolved_by",
            "resolved_at", "resolved_on", "resolution");
    }
}
