using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of credit_reviews: the decision, the snapshot and the recommendation as JSON text.</summary>
public sealed class CreditReviewEntity
{
    public long ReviewId { get; set; }
    public required string CustomerId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public required string Reviewer { get; set; }
    public required string Decision { get; set; }
    public required string Reason { get; set; }
    public decimal? NewLimit { get; set; }
    public int? NewTermsDays { get; set; }
    public required string RecommendedDecision { get; set; }
    public required string Snapshot { get; set; }
    public required string Recommendation { get; set; }
    public required string PolicyVersion { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class CreditReviewEntityConfiguration : IEntityTypeConfiguration<CreditReviewEntity>
{
    public void Configure(EntityTypeBuilder<CreditReviewEntity> builder)
    {
        builder.ToTable("credit_reviews");
        builder.HasKey(x => x.ReviewId);
        OperationColumns.Map(builder, "review_id", "customer_id", "reviewed_on", "reviewer", "decision", "reason", "new_limit",
            "new_terms_days", "recommended_decision", "snapshot", "recommendation", "policy_version", "recorded_at");
    }
}
