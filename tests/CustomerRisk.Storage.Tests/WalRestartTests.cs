using CustomerRisk.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Tests;

/// <summary>The credit writer's background checkpoints: below the restart length they only copy the WAL into the
/// database (the WAL keeps growing); past it they start the WAL again from its beginning, so that under steady writing
/// the WAL file stays bounded, and nothing written is lost either way.</summary>
public sealed class WalRestartTests : IDisposable
{
    private const int Writes = 2_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("crisk-wal-").FullName;

    [Fact]
    public async Task PastTheRestartLength_TheWalStartsAgainWhileWritersGoOn_AndNothingIsLost()
    {
        var path = await CreateDatabaseAsync();
        using (var writer = new PreparedSqliteWriter(path, Pragmas, checkpointEvery: 10, restartAfterFrames: 200))
        {
            await WriteRowsAsync(writer, 0, 1);
            var restartsBefore = WalRestarts(path);
            // Writes go on while the checkpoints run: a pass beside them never reaches the WAL's end, so only the
            // moment the checkpointer holds the writers back lets the WAL start again.
            await WriteRowsAsync(writer, 1, Writes - 1);
            while (writer.CheckpointRunning)
            {
                await Task.Delay(1);
            }

            Assert.True(WalRestarts(path) > restartsBefore, "the WAL started again from its beginning");
        }

        await AssertAllRowsAsync(path);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA journal_mode=WAL;";

    private async Task<string> CreateDatabaseAsync()
    {
        var path = Path.Combine(_folder, "wal.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL); CREATE INDEX ix_t_v ON t (v);";
        await command.ExecuteNonQueryAsync();
        return path;
    }

    /// <summary>One row a transaction; the index on a scattered text puts each in a different leaf than the table's.</summary>
    private static async Task WriteRowsAsync(PreparedSqliteWriter writer, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            await using (var connection = await writer.EnterAsync(CancellationToken.None))
            {
                await using var transaction = connection.BeginTransaction();
                var insert = connection.Command("INSERT INTO t (k, v) VALUES (@k, @v)", transaction);
                insert.Parameters.AddWithValue("@k", i);
                insert.Parameters.AddWithValue("@v", $"{i * 7919 % Writes:D5}{new string('x', 600)}");
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

        }
    }

    /// <summary>The WAL header's checkpoint sequence number (bytes 12–15, big-endian): SQLite adds one each time a
    /// writer starts the WAL again from its beginning.</summary>
    private static uint WalRestarts(string path)
    {
        using var wal = new FileStream(path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        wal.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    private static async Task AssertAllRowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t";
        Assert.Equal((long)Writes, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
    }
}
