using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Users;

/// <summary>The EF context for a <c>--db</c> value, for the query paths that EF serves well (small reads and writes).</summary>
internal static class RiskContexts
{
    public static RiskDbContext Create(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (RiskStoreFactory.IsPostgres(db))
        {
            return new PostgresRiskDbContext(db);
        }

        // Microsoft.Data.Sqlite retries a busy database until the command timeout, so readers wait out an import's commit.
        return new SqliteRiskDbContext(new SqliteConnectionStringBuilder { DataSource = db, Pooling = true, DefaultTimeout = 30 }.ToString());
    }
}
