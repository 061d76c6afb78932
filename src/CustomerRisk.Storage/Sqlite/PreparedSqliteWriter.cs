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
/// connection in the background (PASSIVE: writers go on meanwhile). Such a pass never syncs the database file while
/// writers keep appending (SQLite syncs it only when a pass reaches the WAL's end), so the WAL cannot start again from
/// its beginning and grows. Once it is longer than the restart length, the checkpointer catches up beside the writers,
/// flushes the file system (the database's dirty pages reach the disk without anyone waiting), and only then holds this
/// process's writers back for the last few pages and one short sync, after which the next writer starts the WAL again.
/// Holding the writers for a whole pass's sync was a 20–50 ms stall of every order check in flight, twice a second:
/// the rest of the order check's p99.</summary>
internal sealed class PreparedSqliteWriter : IDisposable
{
    /// <summary>Writes between background checkpoints.</summary>
    public const int CheckpointEvery = 500;

    /// <summary>WAL length (frames of one page) past which a checkpoint also holds this process's writers back for a
    /// moment, so that the WAL starts again from its beginning: 32,768 pages of 4 KB = 128 MB.</summary>
    public const int RestartAfterFrames = 32_768;

    /// <summary>Catch-up passes end once fewer frames than this were written during the last one.</summary>
    private const int CatchUpFrames = 256;

    /// <summary>Catch-up passes before the file system is flushed, at most.</summary>
    private const int CatchUpPasses = 4;

    // Every writer of the process not yet collected, for CloseAllIdle (weakly held, as PreparedSqlitePool's pools).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PreparedSqliteWriter, object?> s_writers = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly string _directory;
    private readonly int _checkpointEvery;
    private readonly int _restartAfterFrames;
    private PreparedSqliteConnection? _connection;
    private SqliteConnection? _checkpointer;
    private int _writesSinceCheckpoint;
    private int _checkpointRunning;
    private bool _disposed;

    public PreparedSqliteWriter(string path, string pragmas)
        : this(path, pragmas, CheckpointEvery, RestartAfterFrames)
    {
    }

    /// <summary>A writer with its own checkpoint cadence (a test makes the WAL restart after a few writes).</summary>
    internal PreparedSqliteWriter(string path, string pragmas, int checkpointEvery, int restartAfterFrames)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        _pragmas = pragmas + " PRAGMA wal_autocheckpoint=0;";
        _directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        _checkpointEvery = checkpointEvery;
        _restartAfterFrames = restartAfterFrames;
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

    /// <summary>Whether a background checkpoint is running (a test waits for it to end).</summary>
    internal bool CheckpointRunning => Volatile.Read(ref _checkpointRunning) != 0;

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

        var checkpoint = ++_writesSinceCheckpoint >= _checkpointEvery && !_disposed && Interlocked.Exchange(ref _checkpointRunning, 1) == 0;
        if (checkpoint)
        {
            _writesSinceCheckpoint = 0;
        }

        _gate.Release();
        if (checkpoint)
        {
            CheckpointThread.Start(CheckpointAsync);
        }

        return keep;
    }

    /// <summary>Runs a background checkpoint now, unless one is running (a test runs one while writers go on). It is
    /// marked running like any other, so that <see cref="CloseAllIdle"/> leaves its connection alone.</summary>
    internal Task CheckpointNowAsync() =>
        Interlocked.Exchange(ref _checkpointRunning, 1) == 0 ? CheckpointAsync() : Task.CompletedTask;

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
            var frames = Checkpoint(command);
            if (frames < _restartAfterFrames)
            {
                return;
            }

            // Catch up beside the writers: each pass copies what was written during the one before.
            for (var pass = 0; pass < CatchUpPasses; pass++)
            {
                var next = Checkpoint(command);
                var writtenMeanwhile = next - frames;
                frames = next;
                if (writtenMeanwhile < CatchUpFrames)
                {
                    break;
                }
            }

            // The passes left the database's pages dirty in the OS cache; the pass that reaches the WAL's end must sync
            // them. Flushed here, beside the writers, that sync finds only the few pages copied after it.
            FileSystemSync.Flush(_directory);
            Checkpoint(command);
            // The rest, with this process's writers held back: every frame is then in the database, and the next
            // writer starts the WAL again from its beginning. Off the lower-priority checkpoint thread first: the
            // writers must not wait on a thread that yields to everyone.
            await Task.Yield();
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!_disposed)
                {
                    Checkpoint(command);
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

    /// <summary>Runs one checkpoint pass and returns the WAL's length in frames (pages) when it began.</summary>
    private static long Checkpoint(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        // The row is: busy, frames in the WAL, frames copied into the database (-1 when the database is not in WAL mode).
        return reader.Read() ? reader.GetInt64(1) : -1;
    }
}
