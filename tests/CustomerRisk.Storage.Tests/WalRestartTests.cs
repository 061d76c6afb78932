using CustomerRisk.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Tests;

/// <summary>The credit writer's background checkpoint past the restart length: with writers going on the whole time,
/// it still leaves the WAL wholly copied for a moment, so the next write starts the WAL again from its beginning (under
/// steady writing it would otherwise only grow), and nothing written is lost.</summary>
public sealed class WalRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crisk-wal-").FullName;

    [Fact]
    public async Task PastTheRestartLength_ACheckpointBesideBusyWriters_StartsTheWalAgain_AndNothingIsLost()
    {
        var path = await CreateDatabaseAsync();
        // No checkpoint of its own (every million writes): the test runs the one it watches.
        using (var writer = new PreparedSqliteWriter(path, Pragmas, checkpointEvery: 1_000_000, restartAfterFrames: 200))
        {
            await WriteRowsAsync(writer, 0, 300);
            var restartsBefore = WalRestarts(path);

            // Writers go on the whole time: a pass beside them never reaches the WAL's end, so only the moment the
            // checkpointer holds them back lets the WAL start again (at the first write after it).
            using var stop = new CancellationTokenSource();
            var written = 300;
            var busy = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await WriteRowsAsync(writer, Volatile.Read(ref written), 1);
                    Interlocked.Increment(ref written);
                }
            });
            await writer.CheckpointNowAsync();
            // The restart happens at the first write after the checkpoint: wait for two.
            var afterCheckpoint = Volatile.Read(ref written);
            while (Volatile.Read(ref written) < afterCheckpoint + 2)
            {
                await Task.Delay(1);
            }

            await stop.CancelAsync();
            await busy;

            Assert.True(WalRestarts(path) > restartsBefore, "the WAL started again from its beginning");
            await AssertAllRowsAsync(path, written);
        }
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
                insert.Parameters.AddWithValue("@v", $"{i * 7919 % 1000:D5}{new string('x', 600)}");
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

    private static async Task AssertAllRowsAsync(string path, int rows)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t";
        Assert.Equal((long)rows, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
    }
}
