using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>The one connection a process writes credit operations through, handed to one caller at a time. SQLite
/// has a single writer per database anyway; queueing the writers of this process on an in-memory gate (first come,
/// first served, no polling) instead of on SQLite's busy handler (which sleeps 1–100 ms between tries) takes the
/// waits out of the tail, and one long-lived connection keeps every statement of the write path prepared. Writers of
/// other processes (the command line, an import) still queue on SQLite's own lock: the transaction is still BEGIN
/// IMMEDIATE, so nothing about serialisation depends on this gate.
///
/// Checkpoints are taken off the writers' path. SQLite's automatic checkpoint runs inside the COMMIT that crosses
/// 1,000 WAL pages, with fsyncs, while every other writer waits (that was the order check's 20–30 ms p99). This
/// writer turns it off and, every <see cref="CheckpointEvery"/> writes, copies the WAL into the database from another
/// connection in the background (PASSIVE: writers go on meanwhile), then briefly holds the gate to copy the few pages
/// written since, so that the WAL is wholly copied and the next writer starts it again from its beginning (without
/// that moment the WAL would only grow under steady load).</summary>
internal sealed class PreparedSqliteWriter : IDisposable
{
    /// <summary>Writes between background checkpoints.</summary>
    public const int CheckpointEvery = 500;

    // Every writer of the process not yet collected, for CloseAllIdle (weakly held, as PreparedSqlitePool's pools).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PreparedSqliteWriter, object?> s_writers = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _pragmas;
    private PreparedSqliteConnection? _connection;
    private SqliteConnection? _checkpointer;
    private int _writesSinceCheckpoint;
    private int _checkpointRunning;
    private bool _disposed;

    public PreparedSqliteWriter(string path, string pragmas)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        _pragmas = pragmas + " PRAGMA wal_autocheckpoint=0;";
        s_writers.AddOrUpdate(this, null);
    }

    /// <summary>Closes the connections of every writer of the process that nobody is writing through and that is not
    /// checkpointing (as <see cref="PreparedSqlitePool.CloseAllIdle"/> does for the readers), so that a write that asks
    /// for the file alone (<see cref="SqliteFileAlone"/>) is not refused for them; the next writer opens a new one.</summary>
    public static void CloseAllIdle()
    {
        foreach (var (writer, _) in s_writers)
        {
            if (!writer._gate.Wait(0))
            {
                continue;
            }

            try
            {
                writer._connection?.Close(forGood: true);
                writer._connection = null;
                if (Volatile.Read(ref writer._checkpointRunning) == 0)
                {
                    writer._checkpointer?.Dispose();
                    writer._checkpointer = null;
                }
            }
            finally
            {
                writer._gate.Release();
            }
        }
    }

    /// <summary>Waits for the gate and returns the writer connection; disposing it opens the gate for the next writer.</summary>
    public async Task<PreparedSqliteConnection> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _connection ??= PreparedSqlitePool.Open(_connectionString, _pragmas, Leave);
            _connection.Lend();
            return _connection;
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _connection?.Close(forGood: true);
            _connection = null;
            // A checkpoint still running finishes on its own connection; closing it here would pull it from under it.
            if (Volatile.Read(ref _checkpointRunning) == 0)
            {
                _checkpointer?.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Leave(PreparedSqliteConnection connection)
    {
        if (!connection.EndLoan())
        {
            return true;
        }

        // A connection left broken (not open) is dropped; the next writer opens a fresh one.
        var keep = connection.State == System.Data.ConnectionState.Open && !_disposed;
        if (!keep)
        {
            _connection = null;
        }

        var checkpoint = ++_writesSinceCheckpoint >= CheckpointEvery && !_disposed && Interlocked.Exchange(ref _checkpointRunning, 1) == 0;
        if (checkpoint)
        {
            _writesSinceCheckpoint = 0;
        }

        _gate.Release();
        if (checkpoint)
        {
            _ = Task.Run(CheckpointAsync);
        }

        return keep;
    }

    private async Task CheckpointAsync()
    {
        try
        {
            if (_checkpointer is null)
            {
                _checkpointer = new SqliteConnection(_connectionString);
                _checkpointer.Open();
            }

            using var command = _checkpointer.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            // The bulk, beside the writers.
            command.ExecuteNonQuery();
            // The rest, with this process's writers held back: only what they wrote meanwhile is left to copy.
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!_disposed)
                {
                    command.ExecuteNonQuery();
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception exception) when (exception is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            // A checkpoint that cannot run now (another process holds a lock, the store is closing) is taken at a later
            // round, or by SQLite when the last connection closes.
        }
        finally
        {
            Volatile.Write(ref _checkpointRunning, 0);
            if (_disposed)
            {
                _checkpointer?.Dispose();
            }
        }
    }
}
