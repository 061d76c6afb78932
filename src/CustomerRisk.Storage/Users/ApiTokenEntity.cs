using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Users;

/// <summary>A row of api_tokens: the SHA-256 of a token, never the token.</summary>
public sealed class ApiTokenEntity
{
    public required string TokenHash { get; set; }
    public required string UserName { get; set; }
    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Maps <see cref="ApiTokenEntity"/> to the api_tokens table.</summary>
public sealed class ApiTokenEntityConfiguration : IEntityTypeConfiguration<ApiTokenEntity>
{
    public void Configure(EntityTypeBuilder<ApiTokenEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("api_tokens");
        builder.HasKey(x => x.TokenHash);
        builder.HasIndex(x => x.UserName);
        builder.Property(x => x.TokenHash).HasColumnName("token_hash");
        builder.Property(x => x.UserName).HasColumnName("user_name");
        builder.Property(x => x.Label).HasColumnName("label");
        builder.Property(x => x.CreatedAt).HasColumnName("created_at");
        builder.Property(x => x.ExpiresAt).HasColumnName("expires_at");
        builder.Property(x => x.RevokedAt).HasColumnName("revoked_at");
    }
}
