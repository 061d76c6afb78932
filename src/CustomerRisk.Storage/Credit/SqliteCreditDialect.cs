using System.Data.Common;
using Microsoft.Data.Sqlite;
using CustomerRisk.Storage.Sqlite;

namespace CustomerRisk.Storage.Credit;

/// <summary>Credit operations on SQLite. A check runs in BEGIN IMMEDIATE, which takes the database's write lock at
/// once: every writer (checks of any customer, grants, audit appends) queues behind it, which serialises a
/// customer's checks and keeps the audit chain linear. Waiting is SQLite's busy timeout (30 s), and a transaction
/// that still finds the database busy is retried.</summary>
internal sealed class SqliteCreditDialect : CreditDialect, IDisposable
{
    // WAL lets reads run beside the one writer; it is a property of the file, set on every new connection (a no-op
    // once set). Connections here live long, so this runs rarely.
    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA journal_mode=WAL;";
    private readonly PreparedSqlitePool _readers;
    private readonly PreparedSqliteWriter _writer;

    public SqliteCreditDialect(string path)
    {
        _readers = new PreparedSqlitePool(path, Pragmas);
        _writer = new PreparedSqliteWriter(path, Pragmas);
    }

    public override string Provider => "sqlite";

    public override string LockAuditHead => "SELECT seq, hash FROM audit_head WHERE head_id = 1";

    // Reads take a kept connection with its statements prepared; disposing it gives it back.
    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<DbConnection>(_readers.Rent());

    // Writers of this process queue on the writer's gate, then BEGIN IMMEDIATE takes SQLite's lock against other processes.
    public override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        await _writer.EnterAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose()
    {
        _writer.Dispose();
        _readers.Dispose();
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? customerId, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins a non-deferred transaction with BEGIN IMMEDIATE.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    public override Task LockCustomerAsync(DbConnection connection, DbTransaction transaction, string customerId,
        CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task LockCustomersAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> customerIds,
        CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 };

    public override object Money(decimal value) => StoredAmount.ToScaledRounded(value, StoredAmount.Decimals);

    public override decimal Money(DbDataReader reader, int column) => StoredAmount.FromScaled(reader.GetInt64(column));

    public override object Date(DateOnly value) => value.DayNumber;

    public override DateOnly Date(DbDataReader reader, int column) => DateOnly.FromDayNumber(reader.GetInt32(column));

    public override object Instant(DateTimeOffset value) => StoredInstant.Format(value);

    public override DateTimeOffset Instant(DbDataReader reader, int column) => StoredInstant.Parse(reader.GetString(column));

    public override string TrueLiteral => "1";

    public override object Flag(bool value) => value ? 1L : 0L;

    public override bool Flag(DbDataReader reader, int column) => reader.GetInt64(column) != 0;
}
