using System.Data.Common;
using CustomerRisk.Application.Ports;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerRisk.Storage.Tests;

/// <summary>A fresh, migrated store for one test: a SQLite file in a temporary folder of its own, or a PostgreSQL
/// database of its own (created on the CRISK_TEST_PG server and dropped afterwards).</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _database;

    private TestStore(string provider, string db, string? folder, string? database, TimeProvider clock)
    {
        Provider = provider;
        Db = db;
        _folder = folder;
        _database = database;
        Clock = clock;
        Store = RiskStoreFactory.Open(db, clock);
    }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("CRISK_TEST_PG");

    public string Provider { get; }

    /// <summary>What `--db` would be for this store.</summary>
    public string Db { get; }

    public TimeProvider Clock { get; }

    public IRiskStore Store { get; private set; }

    public static async Task<TestStore> CreateAsync(string provider, TimeProvider? clock = null, bool migrate = true)
    {
        clock ??= new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero));
        TestStore store;
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "crisk-storage-tests", Guid.NewGuid().ToString("N"));
            store = new TestStore(provider, Path.Combine(folder, "store.db"), folder, null, clock);
        }
        else
        {
            var server = PostgresConnectionString ?? throw new InvalidOperationException("CRISK_TEST_PG is not set.");
            var database = $"crisk_t_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var db = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
            store = new TestStore(provider, db, null, database, clock);
        }

        if (migrate)
        {
            await store.Store.MigrateAsync();
        }

        return store;
    }

    /// <summary>Opens the same store again (as a new command would).</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = RiskStoreFactory.Open(Db, Clock);
    }

    /// <summary>A plain connection to the store, for checking what was written.</summary>
    public async Task<DbConnection> ConnectAsync()
    {
        DbConnection connection = Provider == "sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db }.ToString())
            : new NpgsqlConnection(Db);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
