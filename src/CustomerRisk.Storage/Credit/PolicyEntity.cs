using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Credit;

/// <summary>The EF model of a row of policies: a policy file as loaded, with its version and content hash. Credit operations read and write it with plain SQL (CreditStore).</summary>
public sealed class PolicyEntity
{
    public long PolicyId { get; set; }
    public required string Version { get; set; }
    public required string ContentHash { get; set; }
    public required string PolicyText { get; set; }
    public required string SourceName { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    public required string LoadedBy { get; set; }
    public bool Active { get; set; }
}

internal sealed class PolicyEntityConfiguration : IEntityTypeConfiguration<PolicyEntity>
{
    public void Configure(EntityTypeBuilder<PolicyEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("policies");
        builder.HasKey(x => x.PolicyId);
        builder.Property(x => x.PolicyId).HasColumnName("policy_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.ContentHash).HasColumnName("content_hash");
        builder.Property(x => x.PolicyText).HasColumnName("policy_text");
        builder.Property(x => x.SourceName).HasColumnName("source_name");
        builder.Property(x => x.LoadedAt).HasColumnName("loaded_at");
        builder.Property(x => x.LoadedBy).HasColumnName("loaded_by");
        builder.Property(x => x.Active).HasColumnName("active");
    }
}
