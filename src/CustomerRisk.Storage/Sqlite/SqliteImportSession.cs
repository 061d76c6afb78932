using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Schema;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>An import on SQLite: one write transaction (BEGIN IMMEDIATE) on a connection of its own; one prepared
/// upsert per table, re-bound for every row. Changed rows reach record_history through temporary triggers that
/// exist only on this connection. A killed process leaves the journal uncommitted, so the store stays as it was.
/// With <c>alone</c> (a command-line import) the session first tries to take the file for itself and write it with a
/// rollback journal instead of the WAL; see <see cref="SqliteFileAlone.TryTake"/>.</summary>
internal sealed class SqliteImportSession : IImportSession
{
    private const int CancellationCheckInterval = 4096;

    private readonly NativeConnection _connection;
    private readonly bool _rollbackJournal;
    private readonly Guid _runId = Guid.NewGuid();
    private readonly DateTimeOffset _startedAt;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, TableStatements> _statements = new(StringComparer.Ordinal);
    private Dictionary<string, long>? _customerKeys;
    private long[] _rowCustomerKeys = new long[1024];
    private UpsertCounts _total;
    private bool _invoicesInserted;
    private bool _finished;

    private SqliteImportSession(NativeConnection connection, bool rollbackJournal, TimeProvider clock)
    {
        _connection = connection;
        _rollbackJournal = rollbackJournal;
        _clock = clock;
        _startedAt = clock.GetUtcNow();
    }

    public static SqliteImportSession Begin(SqliteConnections connections, TimeProvider clock, bool alone)
    {
        // A connection of its own, never pooled: the temporary history triggers die with it.
        var connection = new NativeConnection(connections.Path, readOnly: false);
        var rollbackJournal = false;
        try
        {
            if (alone)
            {
                rollbackJournal = SqliteFileAlone.TryTake(connections, ref connection);
            }

            connection.Execute("BEGIN IMMEDIATE");
            var session = new SqliteImportSession(connection, rollbackJournal, clock);
            session.CreateHistoryTriggers();
            return session;
        }
        catch
        {
            if (rollbackJournal)
            {
                SqliteFileAlone.RestoreWal(connection);
            }

            connection.Dispose();
            throw;
        }
    }

    public Task<IReadOnlySet<string>> ReadCustomerIdsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        IReadOnlySet<string> ids = new HashSet<string>(CustomerKeys().Keys, StringComparer.Ordinal);
        return Task.FromResult(ids);
    }

    public Task<UpsertCounts> UpsertCustomersAsync(IReadOnlyList<Customer> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.Customers, rows, cancellationToken));

    public Task<UpsertCounts> UpsertInvoicesAsync(IReadOnlyList<Invoice> rows, CancellationToken cancellationToken = default)
    {
        var counts = Upsert(Shapes.Invoices, rows, cancellationToken);
        _invoicesInserted |= counts.Inserted > 0;
        return Task.FromResult(counts);
    }

    public Task<UpsertCounts> UpsertPaymentsAsync(IReadOnlyList<Payment> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.Payments, rows, cancellationToken));

    public Task<UpsertCounts> UpsertClaimsAsync(IReadOnlyList<Claim> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.Claims, rows, cancellationToken));

    public Task<UpsertCounts> UpsertOrdersAsync(IReadOnlyList<SalesOrder> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.Orders, rows, cancellationToken));

    public Task<UpsertCounts> UpsertInteractionsAsync(IReadOnlyList<Interaction> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.Interactions, rows, cancellationToken));

    public Task<UpsertCounts> UpsertFinancialsAsync(IReadOnlyList<FinancialStatement> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.Financials, rows, cancellationToken));

    public Task<UpsertCounts> UpsertExpertScoresAsync(IReadOnlyList<ExpertScore> rows, CancellationToken cancellationToken = default) =>
        Task.FromResult(Upsert(Shapes.ExpertScores, rows, cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        cancellationToken.ThrowIfCancellationRequested();
        if (_invoicesInserted)
        {
            Execute(SqliteSql.LinkPayments);
        }

        using (var run = new SqliteStatement(_connection,
                   "INSERT INTO import_runs (import_run_id, started_at, committed_at, inserted, updated, unchanged) " +
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            run.Text(1, _runId.ToString("D"));
            run.Text(2, StoredInstant.Format(_startedAt));
            run.Text(3, StoredInstant.Format(_clock.GetUtcNow()));
            run.Int64(4, _total.Inserted);
            run.Int64(5, _total.Updated);
            run.Int64(6, _total.Unchanged);
            run.Execute();
        }

        DisposeStatements();
        _connection.Execute("COMMIT");
        _finished = true;
        if (_rollbackJournal)
        {
            SqliteFileAlone.RestoreWal(_connection);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        DisposeStatements();
        if (!_finished)
        {
            _finished = true;
            try
            {
                _connection.Execute("ROLLBACK");
            }
            catch (SqliteException)
            {
                // SQLite already rolled back (after an I/O error, say); closing the connection ends the rest.
            }

            if (_rollbackJournal)
            {
                SqliteFileAlone.RestoreWal(_connection);
            }
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private UpsertCounts Upsert<T>(TableShape<T> shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        ArgumentNullException.ThrowIfNull(rows);
        Verify(shape, rows);

        var statements = Statements(shape);
        var upsert = new SqliteBinder(statements.Upsert);
        var insert = statements.Insert is { } plain ? new SqliteBinder(plain) : null;
        var customerKeys = shape.HasCustomerKey ? null : CustomerKeys();
        int inserted = 0, updated = 0, unchanged = 0, refused = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var row = rows[i];
            if (insert is not null)
            {
                var key = Insert(shape, row, insert, statements.Insert!, i);
                if (key != 0)
                {
                    inserted++;
                    customerKeys?.Add(shape.CustomerId(row), key);
                    continue;
                }

                // The key is stored already (earlier in this session): upsert it, as any row of a table with rows.
                refused++;
            }

            upsert.Start();
            shape.Write(row, upsert);
            if (shape.HasCustomerKey)
            {
                statements.Upsert.Int64(upsert.NextParameter, _rowCustomerKeys[i]);
            }

            var outcome = statements.Upsert.Upsert();
            switch (outcome.What)
            {
                case UpsertOutcome.Kind.Unchanged:
                    unchanged++;
                    break;
                case UpsertOutcome.Kind.Updated:
                    updated++;
                    break;
                default:
                    inserted++;
                    customerKeys?.Add(shape.CustomerId(row), outcome.InsertedKey);
                    break;
            }
        }

        if (refused * 2 > rows.Count)
        {
            // Mostly keys already stored (the same file twice in one import): trying a plain insert first only adds
            // a failed attempt to each row.
            statements.StopInserting();
        }

        var counts = new UpsertCounts(inserted, updated, unchanged);
        _total += counts;
        return counts;
    }

    private long Insert<T>(TableShape<T> shape, T row, SqliteBinder binder, SqliteStatement statement, int index)
    {
        binder.Start();
        shape.Write(row, binder);
        if (shape.HasCustomerKey)
        {
            statement.Int64(binder.NextParameter, _rowCustomerKeys[index]);
        }

        return statement.TryInsert();
    }

    /// <summary>Checks every row and finds each fact row's customer before writing any, so a bad batch writes nothing.</summary>
    private void Verify<T>(TableShape<T> shape, IReadOnlyList<T> rows)
    {
        var check = new RowCheck<T>(shape);
        var customerKeys = shape.HasCustomerKey ? CustomerKeys() : null;
        if (customerKeys is not null && _rowCustomerKeys.Length < rows.Count)
        {
            _rowCustomerKeys = new long[Math.Max(rows.Count, _rowCustomerKeys.Length * 2)];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            check.Verify(row, i);
            if (customerKeys is not null)
            {
                var customerId = shape.CustomerId(row);
                if (!customerKeys.TryGetValue(customerId, out _rowCustomerKeys[i]))
                {
                    throw new ArgumentException(
                        $"{shape.Table}: {shape.DescribeKey(row)} names customer '{customerId}', which is not in the store.");
                }
            }
        }
    }

    private TableStatements Statements<T>(TableShape<T> shape)
    {
        if (!_statements.TryGetValue(shape.Table, out var statements))
        {
            // A table empty when the session first writes to it (a first import, or a kind never imported before)
            // gets its rows by plain INSERT: the upsert with its history trigger needs a statement journal, a copy
            // of every page it changes, for every row. The session holds the write lock, so the table stays empty
            // of other writers' rows.
            bool empty;
            using (var probe = new SqliteStatement(_connection, $"SELECT NOT EXISTS (SELECT 1 FROM {shape.Table})"))
            {
                probe.Step();
                empty = probe.Int64(0) == 1;
            }

            statements = new TableStatements(new SqliteStatement(_connection, SqliteSql.Upsert(shape)),
                empty ? new SqliteStatement(_connection, SqliteSql.Insert(shape)) : null);
            _statements.Add(shape.Table, statements);
        }

        return statements;
    }

    private Dictionary<string, long> CustomerKeys()
    {
        if (_customerKeys is null)
        {
            var keys = new Dictionary<string, long>(StringComparer.Ordinal);
            using var statement = new SqliteStatement(_connection, "SELECT customer_id, customer_key FROM customers");
            while (statement.Step())
            {
                keys.Add(statement.Text(0), statement.Int64(1));
            }

            _customerKeys = keys;
        }

        return _customerKeys;
    }

    private void CreateHistoryTriggers()
    {
        var changedAt = StoredInstant.Format(_startedAt);
        Execute(SqliteSql.HistoryTrigger(Shapes.Customers, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.Invoices, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.Payments, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.Claims, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.Orders, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.Interactions, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.Financials, _runId, changedAt));
        Execute(SqliteSql.HistoryTrigger(Shapes.ExpertScores, _runId, changedAt));
    }

    private void Execute(string sql)
    {
        using var statement = new SqliteStatement(_connection, sql);
        statement.Execute();
    }

    private void DisposeStatements()
    {
        foreach (var statements in _statements.Values)
        {
            statements.Dispose();
        }

        _statements.Clear();
    }

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(_finished, this);

    /// <summary>A table's prepared upsert, and its plain insert while the session inserts into it first.</summary>
    private sealed class TableStatements(SqliteStatement upsert, SqliteStatement? insert) : IDisposable
    {
        public SqliteStatement Upsert { get; } = upsert;

        public SqliteStatement? Insert { get; private set; } = insert;

        public void StopInserting()
        {
            Insert?.Dispose();
            Insert = null;
        }

        public void Dispose()
        {
            Upsert.Dispose();
            StopInserting();
        }
    }
}
