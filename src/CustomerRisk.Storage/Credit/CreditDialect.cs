using System.Data.Common;

namespace CustomerRisk.Storage.Credit;

/// <summary>What differs between SQLite and PostgreSQL for credit operations: how connections open, how a check is
/// serialised, and how amounts, dates, instants and flags are stored (SQLite: scaled integers, day numbers, ISO text,
/// 0/1; PostgreSQL: numeric, date, timestamptz, boolean). The SQL itself is shared.</summary>
internal abstract class CreditDialect
{
    public abstract string Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The connection a write transaction runs on (SQLite: the process's one writer, after the ones before
    /// it are done); dispose it when the transaction is over.</summary>
    public virtual Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Starts a write transaction. On SQLite it holds the database write lock from the start (BEGIN
    /// IMMEDIATE); on PostgreSQL it takes the customer's advisory lock when one is named.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? customerId, CancellationToken cancellationToken);

    /// <summary>Takes the customer's credit-check lock inside a write transaction begun elsewhere (an EF Core one):
    /// the advisory lock on PostgreSQL; nothing on SQLite, whose write transactions hold the database lock.</summary>
    public abstract Task LockCustomerAsync(DbConnection connection, DbTransaction transaction, string customerId,
        CancellationToken cancellationToken);

    /// <summary>Takes the credit-check locks of several customers at once, for a group commit of their checks (see
    /// <see cref="LockCustomerAsync"/>); nothing on SQLite.</summary>
    public abstract Task LockCustomersAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> customerIds,
        CancellationToken cancellationToken);

    /// <summary>The SELECT of the audit head that locks it until commit (FOR UPDATE on PostgreSQL; SQLite's write lock
    /// is already held).</summary>
    public abstract string LockAuditHead { get; }

    /// <summary>True for a failure worth retrying: SQLite busy or locked, a PostgreSQL deadlock or serialisation failure.</summary>
    public abstract bool IsTransient(Exception exception);

    public abstract object Money(decimal value);

    public abstract decimal Money(DbDataReader reader, int column);

    public abstract object Date(DateOnly value);

    public abstract DateOnly Date(DbDataReader reader, int column);

    public abstract object Instant(DateTimeOffset value);

    public abstract DateTimeOffset Instant(DbDataReader reader, int column);

    public abstract object Flag(bool value);

    /// <summary>True as an SQL literal (1 on SQLite, true on PostgreSQL): a partial index on <c>counts_open</c> is used
    /// only when the query names the value itself, not a parameter.</summary>
    public abstract string TrueLiteral { get; }

    public abstract bool Flag(DbDataReader reader, int column);

    public object? NullableMoney(decimal? value) => value is { } v ? Money(v) : null;

    public decimal? NullableMoney(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Money(reader, column);

    public object? NullableDate(DateOnly? value) => value is { } v ? Date(v) : null;

    public DateOnly? NullableDate(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Date(reader, column);
}
