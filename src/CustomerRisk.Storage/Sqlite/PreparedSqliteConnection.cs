using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>A SQLite connection that keeps its commands prepared for its whole life: preparing a statement
/// (sqlite3_prepare_v2) costs more than running a small one, and a hot path such as the order check runs the same ten
/// statements on every call. Disposing it hands it back to its <see cref="PreparedSqlitePool"/> (or to the write gate of
/// <see cref="PreparedSqliteWriter"/>) instead of closing it, the way ADO.NET pooling does with Close.</summary>
internal sealed class PreparedSqliteConnection : SqliteConnection
{
    private readonly Dictionary<string, KeptCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private Func<PreparedSqliteConnection, bool>? _onDispose;

    // 1 while a borrower holds it. A box, because a field of a connection (a MarshalByRefObject) cannot be passed by ref.
    private readonly System.Runtime.CompilerServices.StrongBox<int> _lent = new();

    /// <summary>Marks it held by a borrower (its owner calls this when handing it out).</summary>
    internal void Lend() => Volatile.Write(ref _lent.Value, 1);

    /// <summary>Ends the loan; false when it had ended already (a borrower disposing it twice).</summary>
    internal bool EndLoan() => Interlocked.Exchange(ref _lent.Value, 0) == 1;

    public PreparedSqliteConnection(string connectionString, Func<PreparedSqliteConnection, bool> onDispose)
        : base(connectionString)
    {
        _onDispose = onDispose;
    }

    /// <summary>The prepared command of this SQL, its parameters cleared, on <paramref name="transaction"/>. The caller
    /// may dispose it: that keeps it for the next call.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = new KeptCommand { Connection = this, CommandText = sql };
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The native prepared statement of this SQL (see <see cref="SqliteStatement"/>), kept for the connection's
    /// life. The caller resets it after use (<see cref="SqliteStatement.Execute"/> does).</summary>
    public SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(this, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>The row id of the last row inserted on this connection.</summary>
    public long LastInsertRowId() => NativeSqlite.LastInsertRowId(Handle!.DangerousGetHandle());

    /// <summary>Closes the connection for good, whatever its owner would do with it.</summary>
    public void Close(bool forGood)
    {
        if (forGood)
        {
            _onDispose = null;
        }

        Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        // Handed back to the owner: stays open, statements stay prepared.
        if (disposing && _onDispose is { } owner && owner(this))
        {
            return;
        }

        foreach (var command in _commands.Values)
        {
            command.Release();
        }

        _commands.Clear();
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A command whose Dispose keeps it (and its prepared statements) until the connection really closes.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released || !disposing)
            {
                base.Dispose(disposing);
            }
        }

        public override ValueTask DisposeAsync()
        {
            Dispose(disposing: true);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Open <see cref="PreparedSqliteConnection"/>s for reads, handed out one caller at a time and kept (up to a
/// few) with their prepared statements when given back.</summary>
internal sealed class PreparedSqlitePool : IDisposable
{
    // Every pool of the process not yet collected, for CloseAllIdle (weakly held: a pool whose store was never
    // disposed must not live for ever).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PreparedSqlitePool, object?> s_pools = new();

    private readonly ConcurrentBag<PreparedSqliteConnection> _idle = [];
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly int _keep;
    private volatile bool _disposed;

    /// <param name="path">The SQLite file.</param>
    /// <param name="pragmas">Run once on each new connection.</param>
    /// <param name="keep">How many idle connections to keep open.</param>
    public PreparedSqlitePool(string path, string pragmas, int keep = 16)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        _pragmas = pragmas;
        _keep = keep;
        s_pools.AddOrUpdate(this, null);
    }

    /// <summary>Closes the idle connections of every pool of the process (as <see cref="SqliteConnection.ClearAllPools"/>
    /// does for ADO.NET's pools), so that a write that asks for the file alone (<see cref="SqliteFileAlone"/>) is not
    /// refused for a connection this process keeps open but does not use; the pools open new ones when next asked.</summary>
    public static void CloseAllIdle()
    {
        foreach (var (pool, _) in s_pools)
        {
            while (pool._idle.TryTake(out var idle))
            {
                idle.Close(forGood: true);
            }
        }
    }

    public PreparedSqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _idle.TryTake(out var idle) ? idle : Open(_connectionString, _pragmas, GiveBack);
        connection.Lend();
        return connection;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var idle))
        {
            idle.Close(forGood: true);
        }
    }

    /// <summary>Opens a connection and runs the pragmas on it.</summary>
    public static PreparedSqliteConnection Open(string connectionString, string pragmas, Func<PreparedSqliteConnection, bool> onDispose)
    {
        var connection = new PreparedSqliteConnection(connectionString, onDispose);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Close(forGood: true);
            throw;
        }
    }

    private bool GiveBack(PreparedSqliteConnection connection)
    {
        // Disposed twice by its borrower: the first time gave it back already.
        if (!connection.EndLoan())
        {
            return true;
        }

        // A connection given back inside a transaction or with a reader open is not reusable: close it.
        if (_disposed || _idle.Count >= _keep || connection.State != System.Data.ConnectionState.Open)
        {
            return false;
        }

        _idle.Add(connection);
        return true;
    }
}
