using System.Data.Common;
using Npgsql;

namespace CustomerRisk.Storage.Credit;

/// <summary>Credit operations on PostgreSQL. A check takes a transaction-scoped advisory lock on its customer
/// (<c>pg_advisory_xact_lock(class, hashtext(customer_id))</c>), so checks of one customer queue while those of
/// others run; an audit append locks the single audit_head row (SELECT … FOR UPDATE), which keeps the chain linear.
/// A check takes the customer lock first and the audit lock last, so the locks cannot deadlock.</summary>
internal sealed class PostgresCreditDialect : CreditDialect, IAsyncDisposable
{
    // The first key of the two-key advisory lock: says "credit check", so other features can lock customers for
    // other reasons without queueing behind checks.
    private const int CheckLockClass = 0x43524b31;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCreditDialect(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Provider => "postgresql";

    public override string LockAuditHead => "SELECT seq, hash FROM audit_head WHERE head_id = 1 FOR UPDATE";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? customerId, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (customerId is not null)
        {
            await LockCustomerAsync(connection, transaction, customerId, cancellationToken).ConfigureAwait(false);
        }

        return transaction;
    }

    public override async Task LockCustomerAsync(DbConnection connection, DbTransaction transaction, string customerId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@customer))",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("class", CheckLockClass);
        command.Parameters.AddWithValue("customer", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task LockCustomersAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> customerIds,
        CancellationToken cancellationToken)
    {
        // One round trip, and the locks taken in key order: two processes' batches that share customers then queue
        // instead of deadlocking (a deadlock would still only be retried).
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@class, k) FROM (SELECT DISTINCT hashtext(c) AS k FROM unnest(@customers) AS c ORDER BY 1) AS keys",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("class", CheckLockClass);
        command.Parameters.AddWithValue("customers", customerIds.Distinct(StringComparer.Ordinal).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: "40001" or "40P01" };

    public override object Money(decimal value) => Math.Round(value, StoredAmount.Decimals, MidpointRounding.AwayFromZero);

    public override decimal Money(DbDataReader reader, int column) => reader.GetDecimal(column);

    public override object Date(DateOnly value) => value;

    public override DateOnly Date(DbDataReader reader, int column) => reader.GetFieldValue<DateOnly>(column);

    public override object Instant(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset Instant(DbDataReader reader, int column) => reader.GetFieldValue<DateTimeOffset>(column);

    public override string TrueLiteral => "true";

    public override object Flag(bool value) => value;

    public override bool Flag(DbDataReader reader, int column) => reader.GetBoolean(column);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
