using System.Collections;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Credit;
using Microsoft.Data.Sqlite;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

/// <summary>A store opened with <see cref="RiskStoreOptions.AssessesAlone"/> (as `crisk assess` opens it): on SQLite
/// the save of a run takes the file for itself with a rollback journal when no other connection has it open (idle
/// connections of the process's own pools do not count), and shares it through the WAL as before when one has.
/// Either way the run is saved whole or not at all, and the file is in WAL mode after.</summary>
public sealed class AssessAloneTests
{
    private static readonly RiskStoreOptions Alone = new() { AssessesAlone = true };

    [Fact]
    public async Task WithTheFileToItself_OtherReadersWait_AndTheFileIsBackInWalModeAfterTheCommit()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
        var run = Run();
        var records = new ProbedRecords(Records(run, 3), () => CountRunsAsync(test.Db));

        await store.SaveAssessmentsAsync(run, records);

        // Not WAL: a reader could not read the state before the save, it had to wait for the file.
        var busy = Assert.IsType<SqliteException>(records.ProbeFailure);
        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, busy.SqliteErrorCode);
        Assert.Equal(3, (await store.ReadLatestAssessmentsAsync(run.AsOf)).Count);
        Assert.Equal("wal", await JournalModeAsync(test));
        Assert.False(File.Exists(test.Db + "-journal"), "the rollback journal is removed with the save");
    }

    [Fact]
    public async Task IdleConnectionsOfTheProcesssOwn_DoNotKeepTheFileFromTheSave()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        // `crisk assess` reads the active policy before it saves: on a fresh store it records the built-in default
        // through the credit store's writer, and the credit store keeps its writing and reading connections open;
        // it reads the active model through ADO.NET's pool.
        await using var credit = CreditStoreFactory.Open(test.Db, test.Clock);
        await ActivePolicy.ResolveAsync(credit, test.Clock, CancellationToken.None);
        await using (var pooled = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = test.Db, Pooling = true }.ToString()))
        {
            await pooled.OpenAsync();
        }

        await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
        var run = Run();
        var records = new ProbedRecords(Records(run, 2), () => CountRunsAsync(test.Db));
        await store.SaveAssessmentsAsync(run, records);

        Assert.IsType<SqliteException>(records.ProbeFailure);
        Assert.Equal(2, (await store.ReadLatestAssessmentsAsync(run.AsOf)).Count);
        // The credit store opens new connections when next asked.
        Assert.Equal(ActivePolicy.BuiltInLoader, (await credit.ReadActivePolicyAsync())!.LoadedBy);
        Assert.Equal("wal", await JournalModeAsync(test));
    }

    [Fact]
    public async Task WhenAnotherConnectionHasTheFileOpen_TheSaveSharesItThroughTheWal()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        // As a running server holds it: open, idle between requests.
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = test.Db, Pooling = false }.ToString());
        await other.OpenAsync();
        Assert.Equal(0, await CountRunsAsync(other));

        await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
        var run = Run();
        // The other connection goes on reading the store as it was before the save.
        var records = new ProbedRecords(Records(run, 2), () => CountRunsAsync(other));
        await store.SaveAssessmentsAsync(run, records);

        Assert.Null(records.ProbeFailure);
        Assert.Equal(0, records.ProbeResult);
        Assert.Equal(1, await CountRunsAsync(other));
        Assert.Equal("wal", await JournalModeAsync(test));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ASaveThatFails_LeavesNoRunAndNoAssessment_AndTheNextSaveWorks(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
        var run = Run();
        var records = Records(run, 5);
        records[3] = null!;

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAssessmentsAsync(run, records));

        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM assessment_runs"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM assessments"));
        if (provider == "sqlite")
        {
            Assert.Equal("wal", await JournalModeAsync(test));
            Assert.False(File.Exists(test.Db + "-journal"), "the rollback journal is removed with the rollback");
        }

        var again = Run();
        await store.SaveAssessmentsAsync(again, Records(again, 5));
        var latest = await store.ReadLatestAssessmentsAsync(again.AsOf);
        Assert.Equal(5, latest.Count);
        Assert.All(Records(again, 5), r => Assert.Equal(r, latest[r.CustomerId]));
    }

    private static AssessmentRun Run() => new()
    {
        RunId = Guid.NewGuid(),
        AsOf = D("2026-06-30"),
        CreatedAt = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero),
        PolicyVersion = "default-1",
        ScoreModel = "expert_scorecard",
    };

    private static AssessmentRecord[] Records(AssessmentRun run, int count) => Enumerable.Range(1, count).Select(i => new AssessmentRecord
    {
        CustomerId = $"C{i}",
        AsOf = run.AsOf,
        RunId = run.RunId,
        Grade = (Grade)(i % 5),
        CreditScore = 600 + i,
        Pd = 0.01m * i,
        OpenAr = 1_000.25m * i,
        OverdueAr = 10m,
        Exposure = 2_000m,
        Dso = 30.5m,
        ExpectedLoss = 12.5m,
        Details = $$"""{"customer_id":"C{{i}}"}""",
    }).ToArray();

    private static async Task<long> CountRunsAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await CountRunsAsync(connection);
    }

    private static async Task<long> CountRunsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        // Microsoft.Data.Sqlite retries a busy statement until the command's timeout; one second is enough to see it.
        command.CommandTimeout = 1;
        command.CommandText = "SELECT count(*) FROM assessment_runs";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> JournalModeAsync(TestStore test) =>
        (string)(await test.QueryAsync("PRAGMA journal_mode")).Single()[0]!;

    /// <summary>The records of a save, which run a probe (another reader's query) when the store reads the last one:
    /// inside the save's transaction.</summary>
    private sealed class ProbedRecords(AssessmentRecord[] records, Func<Task<long>> probe) : IReadOnlyList<AssessmentRecord>
    {
        public Exception? ProbeFailure { get; private set; }

        public long? ProbeResult { get; private set; }

        public int Count => records.Length;

        public AssessmentRecord this[int index]
        {
            get
            {
                if (index == records.Length - 1)
                {
                    try
                    {
                        ProbeResult = probe().GetAwaiter().GetResult();
                    }
                    catch (SqliteException e)
                    {
                        ProbeFailure = e;
                    }
                }

                return records[index];
            }
        }

        public IEnumerator<AssessmentRecord> GetEnumerator() => ((IEnumerable<AssessmentRecord>)records).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
