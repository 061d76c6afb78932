using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>Opens connections to one SQLite file with the settings every connection of the store uses.</summary>
internal sealed class SqliteConnections
{
    // WAL lets readers run beside a writer; NORMAL sync is safe with WAL (a crash loses at most the last commits, never
    // consistency); a 256 MiB page cache and 4 GiB of memory mapping keep a 5-million-row table in memory while it is
    // read; temporary b-trees stay in memory.
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; " +
        "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=4294967296; PRAGMA busy_timeout=30000;";

    public SqliteConnections(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        UnpooledConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>For import sessions: their temporary triggers must not outlive them in a pooled connection.</summary>
    public string UnpooledConnectionString { get; }

    public SqliteConnection Open(bool pooled = true)
    {
        var connection = new SqliteConnection(pooled ? ConnectionString : UnpooledConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
