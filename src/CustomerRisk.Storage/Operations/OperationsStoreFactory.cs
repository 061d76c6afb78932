using CustomerRisk.Application.Ports;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Operations;

/// <summary>Opens the operations store on the database named by <c>--db</c> (the same string as
/// <see cref="RiskStoreFactory.Open"/>). Its tables are created by <see cref="IRiskStore.MigrateAsync"/>: open and
/// migrate the risk store first (<see cref="RiskStoreFactory.OpenMigratedAsync"/>).</summary>
public static class OperationsStoreFactory
{
    /// <summary>Opens the operations store; nothing is touched until the first call.</summary>
    /// <param name="db">A SQLite file path or a PostgreSQL connection string.</param>
    /// <param name="clock">Stamps the audit records of the decisions; the system clock when null.</param>
    public static IOperationsStore Open(string db, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        var credit = Credit.CreditStoreFactory.Create(db, clock);
        if (RiskStoreFactory.IsPostgres(db))
        {
            return new OperationsStore(() => new PostgresRiskDbContext(db), () => new Npgsql.NpgsqlConnection(db), credit);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Pooling = true, DefaultTimeout = 30 }.ToString();
        return new OperationsStore(() => new SqliteRiskDbContext(connectionString), () => new SqliteConnection(connectionString), credit);
    }
}
