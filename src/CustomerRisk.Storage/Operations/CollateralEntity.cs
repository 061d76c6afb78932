using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of collateral, the register of guarantees and collateral.</summary>
public sealed class CollateralEntity
{
    public long CoverId { get; set; }
    public required string CustomerId { get; set; }
    public required string Kind { get; set; }
    public string? Description { get; set; }
    public decimal Value { get; set; }
    public decimal Haircut { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? Expiry { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class CollateralEntityConfiguration : IEntityTypeConfiguration<CollateralEntity>
{
    public void Configure(EntityTypeBuilder<CollateralEntity> builder)
    {
        builder.ToTable("collateral");
        builder.HasKey(x => x.CoverId);
        OperationColumns.Map(builder, "cover_id", "customer_id", "kind", "description", "value", "haircut", "valid_from", "expiry",
            "recorded_by", "recorded_at");
    }
}
