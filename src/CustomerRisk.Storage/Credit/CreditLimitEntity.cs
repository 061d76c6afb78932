using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Credit;

/// <summary>The EF model of a row of credit_limits: one granted limit (standing or temporary). Credit operations read and write it with plain SQL (CreditStore).</summary>
public sealed class CreditLimitEntity
{
    public long LimitId { get; set; }
    public required string CustomerId { get; set; }
    public decimal Amount { get; set; }
    public required string Kind { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Approver { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public long? ReviewId { get; set; }
}

internal sealed class CreditLimitEntityConfiguration : IEntityTypeConfiguration<CreditLimitEntity>
{
    public void Configure(EntityTypeBuilder<CreditLimitEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("credit_limits");
        builder.HasKey(x => x.LimitId);
        builder.Property(x => x.LimitId).HasColumnName("limit_id");
        builder.Property(x => x.CustomerId).HasColumnName("customer_id");
        builder.Property(x => x.Amount).HasColumnName("amount");
        builder.Property(x => x.Kind).HasColumnName("kind");
        builder.Property(x => x.ValidFrom).HasColumnName("valid_from");
        builder.Property(x => x.ValidTo).HasColumnName("valid_to");
        builder.Property(x => x.Approver).HasColumnName("approver");
        builder.Property(x => x.Reason).HasColumnName("reason");
        builder.Property(x => x.GrantedAt).HasColumnName("granted_at");
        builder.Property(x => x.ReviewId).HasColumnName("review_id");
    }
}
