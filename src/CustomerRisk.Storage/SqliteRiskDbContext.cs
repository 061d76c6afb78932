using CustomerRisk.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerRisk.Storage;

/// <summary>The store's EF model on SQLite: dates as day numbers (<see cref="DateOnly.DayNumber"/>), amounts as
/// 64-bit integers in 1/10,000 units (PD in 1/10^9), instants as ISO 8601 text. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteRiskDbContext : RiskDbContext
{
    /// <summary>A context over a SQLite connection string (<c>Data Source=PATH</c>).</summary>
    public SqliteRiskDbContext(string connectionString)
        : base(connectionString)
    {
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.UseSqlite(ConnectionString);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateOnly>().HaveConversion<DayNumberConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<ScaledAmountConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<IsoInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AssessmentEntity>().Property(x => x.Pd).HasConversion(new ScaledProbabilityConverter());
    }

    private sealed class DayNumberConverter() : ValueConverter<DateOnly, int>(
        d => d.DayNumber, n => DateOnly.FromDayNumber(n));

    private sealed class ScaledAmountConverter() : ValueConverter<decimal, long>(
        v => StoredAmount.ToScaledRounded(v, StoredAmount.Decimals), n => StoredAmount.FromScaled(n));

    private sealed class ScaledProbabilityConverter() : ValueConverter<decimal, long>(
        v => StoredAmount.ToScaledRounded(v, 9), n => StoredAmount.FromScaled(n, 9));

    private sealed class IsoInstantConverter() : ValueConverter<DateTimeOffset, string>(
        v => StoredInstant.Format(v), s => StoredInstant.Parse(s));
}
