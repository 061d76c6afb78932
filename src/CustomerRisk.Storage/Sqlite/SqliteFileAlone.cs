using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>A large write that has the file to itself: `crisk import` (<see cref="RiskStoreOptions.ImportsAlone"/>)
/// and the save of a portfolio's assessments by `crisk assess` (<see cref="RiskStoreOptions.AssessesAlone"/>).</summary>
internal static class SqliteFileAlone
{
    /// <summary>Tries to switch the file from WAL to a rollback journal (journal_mode=DELETE) under an exclusive lock
    /// that the connection keeps until it closes (locking_mode=EXCLUSIVE). The pages a transaction appends are then
    /// written once, straight into the file, and not journaled at all (a rollback journal keeps only the original
    /// content of pages that existed when the transaction began); with the WAL every page is written to the log,
    /// looked up there on every read, and copied into the file again by the checkpoint. A rollback journal is as
    /// crash-safe as the WAL: a killed process leaves a hot journal that the next connection plays back (synchronous
    /// FULL syncs the journal and the file at the commit, so that even a power cut cannot leave a half-written store).
    /// SQLite only lets a connection leave WAL mode when no other connection has the file open; when one has (a
    /// server, another command), the switch fails at once and <paramref name="connection"/> is replaced by a fresh
    /// one in the ordinary settings, to go on with the WAL as before. Readers that open the file meanwhile wait for
    /// it (up to the busy timeout) instead of reading the state before it. Idle pooled connections of this process
    /// are closed first: a process that asks for the file alone does nothing else with it meanwhile.</summary>
    /// <returns>True when the connection holds the file exclusively with a rollback journal; then call
    /// <see cref="RestoreWal"/> after the commit or rollback.</returns>
    public static bool TryTake(SqliteConnections connections, ref NativeConnection connection)
    {
        // Idle connections of this process (the migration check, the policy and model reads, the credit store's
        // writer after recording the built-in policy on first use) keep the file open in WAL mode.
        SqliteConnection.ClearAllPools();
        PreparedSqlitePool.CloseAllIdle();
        PreparedSqliteWriter.CloseAllIdle();
        try
        {
            connection.Execute("PRAGMA busy_timeout=0; PRAGMA locking_mode=EXCLUSIVE;");
            using (var journal = new SqliteStatement(connection, "PRAGMA journal_mode=DELETE"))
            {
                if (journal.Step() && journal.Text(0) == "delete")
                {
                    // No memory map: the pages it maps count in the process's resident set (+0.6 GB on the 100k
                    // import) and save nothing here, where nearly every page read is one just written.
                    connection.Execute("PRAGMA synchronous=FULL; PRAGMA mmap_size=0; PRAGMA busy_timeout=30000;");
                    return true;
                }
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            // Another connection has the file open: the shared path below.
        }

        // A fresh connection in the ordinary settings, so nothing of the attempt (locking mode, a lock) stays.
        connection.Dispose();
        connection = new NativeConnection(connections.Path, readOnly: false);
        return false;
    }

    /// <summary>Puts the file back in WAL mode after a write that had it to itself. Best effort: the write is
    /// committed or rolled back already, and every connection that opens the store for writing asks for WAL anyway.</summary>
    public static void RestoreWal(NativeConnection connection)
    {
        try
        {
            connection.Execute("PRAGMA journal_mode=WAL;");
        }
        catch (SqliteException)
        {
            // The next writer's connection switches it back.
        }
    }
}
