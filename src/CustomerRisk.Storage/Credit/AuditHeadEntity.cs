using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Credit;

/// <summary>The EF model of the one row of audit_head: the last sequence number and hash of the audit chain. Credit operations read and write it with plain SQL (CreditStore).</summary>
public sealed class AuditHeadEntity
{
    public int HeadId { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
}

internal sealed class AuditHeadEntityConfiguration : IEntityTypeConfiguration<AuditHeadEntity>
{
    public void Configure(EntityTypeBuilder<AuditHeadEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("audit_head");
        builder.HasKey(x => x.HeadId);
        builder.Property(x => x.HeadId).HasColumnName("head_id");
        builder.Property(x => x.Seq).HasColumnName("seq");
        builder.Property(x => x.Hash).HasColumnName("hash");
    }
}
