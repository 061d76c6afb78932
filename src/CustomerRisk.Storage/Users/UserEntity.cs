using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Users;

/// <summary>A row of users (migrations 20261130000040_Users and 20261130000150_UserAdministration).</summary>
public sealed class UserEntity
{
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    public string? SalesOwner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public int SessionVersion { get; set; }
}

/// <summary>Maps <see cref="UserEntity"/> to the users table.</summary>
public sealed class UserEntityConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("users");
        builder.HasKey(x => x.UserName);
        builder.Property(x => x.UserName).HasColumnName("user_name");
        builder.Property(x => x.PasswordHash).HasColumnName("password_hash");
        builder.Property(x => x.Role).HasColumnName("role");
        builder.Property(x => x.SalesOwner).HasColumnName("sales_owner");
        builder.Property(x => x.CreatedAt).HasColumnName("created_at");
        builder.Property(x => x.DisabledAt).HasColumnName("disabled_at");
        builder.Property(x => x.SessionVersion).HasColumnName("session_version");
    }
}
