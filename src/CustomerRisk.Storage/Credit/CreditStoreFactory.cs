using CustomerRisk.Application.Ports;

namespace CustomerRisk.Storage.Credit;

/// <summary>Opens the credit store on the database named by <c>--db</c> (the same rule as <see cref="RiskStoreFactory"/>).
/// Its tables come with the store's migrations: open the <see cref="IRiskStore"/> and migrate it first.</summary>
public static class CreditStoreFactory
{
    /// <summary>Opens the credit store.</summary>
    /// <param name="db">A SQLite file path or a PostgreSQL connection string.</param>
    /// <param name="clock">Stamps audit records; the system clock when null.</param>
    public static ICreditStore Open(string db, TimeProvider? clock = null) => Create(db, clock);

    /// <summary>The store itself, for the operations store to append audit records and grants in its own transactions.</summary>
    internal static CreditStore Create(string db, TimeProvider? clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        clock ??= TimeProvider.System;
        CreditDialect dialect = RiskStoreFactory.IsPostgres(db) ? new PostgresCreditDialect(db) : new SqliteCreditDialect(db);
        return new CreditStore(dialect, clock);
    }
}
