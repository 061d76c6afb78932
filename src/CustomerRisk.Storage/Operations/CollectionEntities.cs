using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of collection_actions.</summary>
public sealed class CollectionActionEntity
{
    public long ActionId { get; set; }
    public required string CustomerId { get; set; }
    public DateOnly ActionDate { get; set; }
    public required string Kind { get; set; }
    public required string ActedBy { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class CollectionActionEntityConfiguration : IEntityTypeConfiguration<CollectionActionEntity>
{
    public void Configure(EntityTypeBuilder<CollectionActionEntity> builder)
    {
        builder.ToTable("collection_actions");
        builder.HasKey(x => x.ActionId);
        OperationColumns.Map(builder, "action_id", "customer_id", "action_date", "kind", "acted_by", "note", "recorded_at");
    }
}
