using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>The one connection a process writes credit operations through, handed to one caller at a time. SQLite
/// has a single writer per database anyway; queueing the writers of this process on an in-memory gate (first come,
/// first served, no polling) instead of on SQLite's busy handler (which sleeps 1–100 ms between tries) takes the
/// waits out of the tail, and one long-lived connection keeps every statement of the write path prepared. Writers of
/// other processes (the command line, an import) still queue on SQLite's own lock: the transaction is still BEGIN
/// IMMEDIATE, so nothing about serialisation depends on this gate.</summary>
internal sealed class PreparedSqliteWriter : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _pragmas;
    private PreparedSqliteConnection? _connection;
    private bool _disposed;

    public PreparedSqliteWriter(string path, string pragmas)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        _pragmas = pragmas;
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

        _gate.Release();
        return keep;
    }
}
