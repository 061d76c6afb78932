using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>A SQLite connection for the bulk paths, opened through the native API in multi-thread mode (NOMUTEX):
/// each is used by one thread at a time, so SQLite need not lock a mutex on every step and column read, which is
/// a quarter of the cost of reading a ledger row.</summary>
internal sealed class NativeConnection : IDisposable
{
    // WAL lets readers run beside a writer; NORMAL sync is safe with WAL (a crash may lose the last commits, never
    // consistency); a 256 MiB page cache and 4 GiB of memory mapping keep a 5-million-row table in memory while it is
    // read; temporary b-trees stay in memory.
    // The busy timeout comes first, so that the others wait for a lock instead of failing at once.
    public const string ReadPragmas =
        "PRAGMA busy_timeout=30000; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=4294967296;";

    public const string Pragmas = ReadPragmas + " PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    static NativeConnection()
    {
        // What Microsoft.Data.Sqlite does on first use: load the bundled e_sqlite3 library.
        Batteries_V2.Init();
    }

    public NativeConnection(string path, bool readOnly)
    {
        var flags = raw.SQLITE_OPEN_NOMUTEX | (readOnly ? raw.SQLITE_OPEN_READONLY : raw.SQLITE_OPEN_READWRITE);
        var rc = raw.sqlite3_open_v2(path, out var db, flags, null);
        Handle = db;
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(db).utf8_to_string();
            db.Dispose();
            throw new SqliteException($"SQLite cannot open {path}: {message}", rc);
        }

        Execute(readOnly ? ReadPragmas : Pragmas);
    }

    public sqlite3 Handle { get; }

    public void Execute(string sql)
    {
        var rc = raw.sqlite3_exec(Handle, sql, null, null, out var error);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {rc}: {error}", rc);
        }
    }

    public void Dispose() => Handle.Dispose();
}
