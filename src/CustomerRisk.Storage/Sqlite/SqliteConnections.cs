using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>Opens connections to one SQLite file with the settings every connection of the store uses.</summary>
internal sealed class SqliteConnections
{
    private const string Pragmas = NativeConnection.Pragmas;

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
