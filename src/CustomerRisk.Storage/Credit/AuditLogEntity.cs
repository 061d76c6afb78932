using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Credit;

/// <summary>The EF model of a row of audit_log: one link of the audit chain. Credit operations read and write it with plain SQL (CreditStore).</summary>
public sealed class AuditLogEntity
{
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public string? CustomerId { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}

internal sealed class AuditLogEntityConfiguration : IEntityTypeConfiguration<AuditLogEntity>
{
    public void Configure(EntityTypeBuilder<AuditLogEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("audit_log");
        builder.HasKey(x => x.Seq);
        builder.Property(x => x.Seq).HasColumnName("seq");
        builder.Property(x => x.At).HasColumnName("at");
        builder.Property(x => x.Actor).HasColumnName("actor");
        builder.Property(x => x.Action).HasColumnName("action");
        builder.Property(x => x.Entity).HasColumnName("entity");
        builder.Property(x => x.CustomerId).HasColumnName("customer_id");
        builder.Property(x => x.BeforeJson).HasColumnName("before_json");
        builder.Property(x => x.AfterJson).HasColumnName("after_json");
        builder.Property(x => x.PrevHash).HasColumnName("prev_hash");
        builder.Property(x => x.Hash).HasColumnName("hash");
    }
}
