using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Credit;

/// <summary>Credit operations on SQLite. A check runs in BEGIN IMMEDIATE, which takes the database's write lock at
/// once: every writer (checks of any customer, grants, audit appends) queues behind it, which serialises a
/// customer's checks and keeps the audit chain linear. Waiting is SQLite's busy timeout (30 s), and a transaction
/// that still finds the database busy is retried.</summary>
internal sealed class SqliteCreditDialect : CreditDialect
{
    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
    private static readonly ConditionalWeakTable<sqlite3, object> s_configured = new();
    private static readonly object s_marker = new();
    private readonly string _connectionString;
    private int _walSet;

    public SqliteCreditDialect(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public override string Provider => "sqlite";

    public override string LockAuditHead => "SELECT seq, hash FROM audit_head WHERE head_id = 1";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // A pooled connection keeps its native handle and with it the pragmas: set them once per handle.
            if (connection.Handle is { } handle && s_configured.TryGetValue(handle, out _))
            {
                return connection;
            }

            await using var command = connection.CreateCommand();
            // WAL lets the ledger reads of other checks run beside the one writer; it is a property of the file,
            // so it is set once per store.
            command.CommandText = Interlocked.Exchange(ref _walSet, 1) == 0 ? Pragmas + " PRAGMA journal_mode=WAL;" : Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (connection.Handle is { } opened)
            {
                s_configured.AddOrUpdate(opened, s_marker);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? customerId, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins a non-deferred transaction with BEGIN IMMEDIATE.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    public override Task LockCustomerAsync(DbConnection connection, DbTransaction transaction, string customerId,
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
