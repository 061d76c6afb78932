using CustomerRisk.Application.Ports;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.WorkQueues;

/// <summary>Opens the kept work queues on the database named by <c>--db</c> (the same string as
/// <see cref="RiskStoreFactory.Open"/>). Their tables are created by <see cref="IRiskStore.MigrateAsync"/>.</summary>
public static class WorkQueueStoreFactory
{
    /// <summary>Opens the store; nothing is touched until the first call.</summary>
    /// <param name="db">A SQLite file path or a PostgreSQL connection string.</param>
    public static IWorkQueueStore Open(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (RiskStoreFactory.IsPostgres(db))
        {
            return new WorkQueueStore(() => new PostgresRiskDbContext(db));
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Pooling = true, DefaultTimeout = 30 }.ToString();
        return new WorkQueueStore(() => new SqliteRiskDbContext(connectionString));
    }
}
