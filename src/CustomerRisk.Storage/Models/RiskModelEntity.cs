using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Models;

/// <summary>A row of risk_models (migration 20261130000030_Models): one registered version of a trained model.</summary>
public sealed class RiskModelEntity
{
    public required string ModelId { get; set; }
    public int Version { get; set; }
    public required string Algorithm { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string TrainingDataSha256 { get; set; }
    public required string Metrics { get; set; }
    public required string ModelFile { get; set; }
    public string? ValidationCurves { get; set; }
    public bool IsActive { get; set; }
}

/// <summary>Maps <see cref="RiskModelEntity"/> to the risk_models table.</summary>
public sealed class RiskModelEntityConfiguration : IEntityTypeConfiguration<RiskModelEntity>
{
    public void Configure(EntityTypeBuilder<RiskModelEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("risk_models");
        builder.HasKey(x => new { x.ModelId, x.Version });
        builder.Property(x => x.ModelId).HasColumnName("model_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.Algorithm).HasColumnName("algorithm");
        builder.Property(x => x.CreatedAt).HasColumnName("created_at");
        builder.Property(x => x.TrainingDataSha256).HasColumnName("training_data_sha256");
        builder.Property(x => x.Metrics).HasColumnName("metrics");
        builder.Property(x => x.ModelFile).HasColumnName("model_file");
        builder.Property(x => x.ValidationCurves).HasColumnName("validation_curves");
        builder.Property(x => x.IsActive).HasColumnName("is_active");
    }
}
