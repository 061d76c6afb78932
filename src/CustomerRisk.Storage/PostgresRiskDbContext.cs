using Microsoft.EntityFrameworkCore;

namespace CustomerRisk.Storage;

/// <summary>The store's EF model on PostgreSQL: native date, numeric(19,4), uuid, timestamptz. Migrations in
/// Migrations/Postgres.</summary>
public sealed class PostgresRiskDbContext : RiskDbContext
{
    /// <summary>A context over an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).</summary>
    public PostgresRiskDbContext(string connectionString)
        : base(connectionString)
    {
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.UseNpgsql(ConnectionString);
    }
}
