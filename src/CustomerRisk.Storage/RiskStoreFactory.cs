using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Postgres;
using CustomerRisk.Storage.Sqlite;

namespace CustomerRisk.Storage;

/// <summary>Opens the store named by <c>--db</c>: a PostgreSQL connection string (it contains <c>Host=</c>) or else
/// the path of a SQLite file, created on the first <see cref="IRiskStore.MigrateAsync"/>.</summary>
public static class RiskStoreFactory
{
    /// <summary>Opens a store. Nothing is touched until the first call; call <see cref="IRiskStore.MigrateAsync"/>
    /// first (it creates a missing SQLite file and applies pending migrations, and is quick when there are none).</summary>
    /// <param name="db">A SQLite file path, or a PostgreSQL connection string such as
    /// <c>Host=127.0.0.1;Port=5432;Database=crisk;Username=crisk;Password=…</c>.</param>
    /// <param name="clock">The clock that stamps import runs and the change history; the system clock when null.</param>
    /// <param name="options">How this process uses the store; the defaults when null.</param>
    public static IRiskStore Open(string db, TimeProvider? clock = null, RiskStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        clock ??= TimeProvider.System;
        options ??= new RiskStoreOptions();
        return IsPostgres(db) ? new PostgresRiskStore(db, clock) : new SqliteRiskStore(db, clock, options.ImportsAlone, options.AssessesAlone);
    }

    /// <summary>Opens a store and applies pending migrations.</summary>
    public static Task<IRiskStore> OpenMigratedAsync(string db, TimeProvider? clock = null,
        CancellationToken cancellationToken = default) =>
        OpenMigratedWithOptionsAsync(db, clock, new RiskStoreOptions(), cancellationToken);

    /// <summary>Opens a store with <paramref name="options"/> and applies pending migrations.</summary>
    public static async Task<IRiskStore> OpenMigratedWithOptionsAsync(string db, TimeProvider? clock, RiskStoreOptions options,
        CancellationToken cancellationToken = default)
    {
        var store = Open(db, clock, options);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True when <paramref name="db"/> is a PostgreSQL connection string rather than a file path.</summary>
    public static bool IsPostgres(string db) =>
        db is not null && db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
