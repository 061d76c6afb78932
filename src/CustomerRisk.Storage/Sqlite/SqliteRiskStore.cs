using System.Runtime.CompilerServices;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Ledgers;
using CustomerRisk.Storage.Operations;
using CustomerRisk.Storage.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>The store on a SQLite file: EF Core for the schema, the native API for the bulk paths.</summary>
internal sealed class SqliteRiskStore : IRiskStore
{
    private readonly SqliteConnections _connections;
    private readonly TimeProvider _clock;
    private readonly bool _importsAlone;
    private readonly bool _assessesAlone;

    public SqliteRiskStore(string path, TimeProvider clock, bool importsAlone = false, bool assessesAlone = false)
    {
        _connections = new SqliteConnections(path);
        _clock = clock;
        _importsAlone = importsAlone;
        _assessesAlone = assessesAlone;
    }

    public string Provider => "sqlite";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(_connections.Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (IsCurrent())
        {
            return;
        }

        await using var context = new SqliteRiskDbContext(_connections.ConnectionString);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IImportSession>(SqliteImportSession.Begin(_connections, _clock, _importsAlone));
    }

    public async IAsyncEnumerable<CustomerLedger> ReadLedgersAsync(DateOnly asOf, string? customerId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var source = new SqliteLedgerSource(_connections, asOf, customerId);
        await foreach (var ledger in LedgerReader.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            yield return ledger;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<CustomerLedger>> ReadLedgerBatchesAsync(DateOnly asOf, string? customerId,
        int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var source = new SqliteLedgerSource(_connections, asOf, customerId);
        await foreach (var batch in LedgerReader.ReadBatchesAsync(source, batchSize, cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }
    }

    public Task SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records,
        CancellationToken cancellationToken = default)
    {
        SaveRun(run, records, null, cancellationToken);
        return Task.CompletedTask;
    }

    public Task<SyncAlertsResult> SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync alerts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return Task.FromResult(SaveRun(run, records, alerts, cancellationToken)!);
    }

    private SyncAlertsResult? SaveRun(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync? alerts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(records);
        // With the file to itself (`crisk assess`), the run is written once, with a rollback journal, instead of into
        // the WAL and again by the checkpoint (SqliteFileAlone.TryTake); else through the WAL beside other users.
        var connection = new NativeConnection(_connections.Path, readOnly: false);
        var alone = false;
        SyncAlertsResult? saved;
        try
        {
            alone = _assessesAlone && SqliteFileAlone.TryTake(_connections, ref connection);
            // A 32 MB page cache, not the 256 MB of a reading connection: the run's pages are written once and never
            // read back, and growing the cache into fresh memory cost page faults and zeroing for nothing.
            connection.Execute("PRAGMA cache_size=-32768;");
            connection.Execute("BEGIN IMMEDIATE");
            try
            {
                InsertRun(connection, run, records, cancellationToken);
                // The alerts after the last record, on the same connection: with the file to itself, their pages too
                // are written once, and the run and its alerts commit together.
                saved = alerts is null ? null : SqliteAlertRows.SaveRun(connection.Handle, alerts, cancellationToken);
                connection.Execute("COMMIT");
            }
            catch
            {
                Rollback(connection);
                throw;
            }
        }
        finally
        {
            if (alone)
            {
                SqliteFileAlone.RestoreWal(connection);
            }

            connection.Dispose();
        }

        return saved;
    }

    private static void InsertRun(NativeConnection connection, AssessmentRun run, IReadOnlyList<AssessmentRecord> records,
        CancellationToken cancellationToken)
    {
        using (var command = new SqliteStatement(connection,
                   "INSERT INTO assessment_runs (run_id, as_of, created_at, policy_version, score_model, customers) " +
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            command.Text(1, run.RunId.ToString("D"));
            command.Int64(2, run.AsOf.DayNumber);
            command.Text(3, StoredInstant.Format(run.CreatedAt));
            command.Text(4, run.PolicyVersion);
            command.Text(5, run.ScoreModel);
            command.Int64(6, records.Count);
            command.Execute();
        }

        using var insert = new SqliteStatement(connection, SqliteSql.InsertAssessment);
        var utf8 = Array.Empty<byte>();
        for (var i = 0; i < records.Count; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var r = records[i] ?? throw new ArgumentException($"Assessment {i + 1} is null.", nameof(records));
            insert.Text(1, r.RunId.ToString("D"));
            insert.Text(2, r.CustomerId);
            insert.Int64(3, r.AsOf.DayNumber);
            insert.Text(4, r.Grade.ToString());
            Bind(insert, 5, r.CreditScore);
            Bind(insert, 6, r.Pd is { } pd ? StoredAmount.ToScaledRounded(pd, AssessmentDecoding.PdDecimals) : null);
            insert.Int64(7, Money(r.OpenAr));
            insert.Int64(8, Money(r.OverdueAr));
            insert.Int64(9, Money(r.Exposure));
            Bind(insert, 10, r.Dso is { } dso ? Money(dso) : null);
            Bind(insert, 11, r.ExpectedLoss is { } loss ? Money(loss) : null);
            if (r.DetailsUtf8.IsEmpty)
            {
                insert.Utf8Text(12, r.Details, ref utf8);
            }
            else
            {
                insert.Utf8(12, r.DetailsUtf8.Span);
            }

            insert.Execute();
        }
    }

    private static void Rollback(NativeConnection connection)
    {
        try
        {
            connection.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite rolled back already (after an I/O error, say); closing the connection ends the rest.
        }
    }

    public Task<IReadOnlyDictionary<string, AssessmentRecord>> ReadLatestAssessmentsAsync(DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        using var connection = new NativeConnection(_connections.Path, readOnly: true);
        using var query = new SqliteStatement(connection, SqliteSql.LatestAssessments);
        query.Int64(1, asOf.DayNumber);
        IReadOnlyDictionary<string, AssessmentRecord> latest = AssessmentDecoding.ReadAll(query, cancellationToken);
        return Task.FromResult(latest);
    }

    public Task<IReadOnlyDictionary<string, Grade>> ReadLatestGradesAsync(DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        using var connection = new NativeConnection(_connections.Path, readOnly: true);
        using var query = new SqliteStatement(connection, SqliteSql.LatestGrades);
        query.Int64(1, asOf.DayNumber);
        IReadOnlyDictionary<string, Grade> grades = ExpertScoreDecoding.ReadGrades(query, cancellationToken);
        return Task.FromResult(grades);
    }

    public Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default)
    {
        using var connection = new NativeConnection(_connections.Path, readOnly: true);
        using var query = new SqliteStatement(connection, SqliteSql.ExpertScores(customerId is not null));
        query.Int64(1, asOf.DayNumber);
        if (customerId is not null)
        {
            query.Text(2, customerId);
        }

        IReadOnlyList<ExpertScore> scores = ExpertScoreDecoding.ReadAll(query, cancellationToken);
        return Task.FromResult(scores);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static long Money(decimal amount) => StoredAmount.ToScaledRounded(amount, StoredAmount.Decimals);

    private static void Bind(SqliteStatement statement, int parameter, long? value)
    {
        if (value is { } v)
        {
            statement.Int64(parameter, v);
        }
        else
        {
            statement.Null(parameter);
        }
    }

    /// <summary>True when the file exists and every known migration is applied.</summary>
    private bool IsCurrent()
    {
        if (!File.Exists(_connections.Path))
        {
            return false;
        }

        using var connection = _connections.Open();
        using (var exists = new SqliteStatement(connection,
                   "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"))
        {
            if (!exists.Step())
            {
                return false;
            }
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using var ids = new SqliteStatement(connection, "SELECT MigrationId FROM __EFMigrationsHistory");
        while (ids.Step())
        {
            applied.Add(ids.Text(0));
        }

        return KnownMigrations.Of<SqliteRiskDbContext>().All(applied.Contains);
    }

    private sealed class SqliteLedgerSource(SqliteConnections connections, DateOnly asOf, string? customerId)
        : ILedgerSource
    {
        private readonly List<NativeConnection> _opened = [];

        public IRowCursor Open(LedgerTable table)
        {
            var connection = new NativeConnection(connections.Path, readOnly: true);
            lock (_opened)
            {
                _opened.Add(connection);
            }

            var statement = new SqliteStatement(connection, SqliteSql.Ledger(table, customerId is not null));
            if (table != LedgerTable.Customers)
            {
                statement.Int64(1, asOf.DayNumber);
            }

            if (customerId is not null)
            {
                statement.Text(table == LedgerTable.Customers ? 1 : 2, customerId);
            }

            return statement;
        }

        public ValueTask DisposeAsync()
        {
            lock (_opened)
            {
                foreach (var connection in _opened)
                {
                    connection.Dispose();
                }

                _opened.Clear();
            }

            return ValueTask.CompletedTask;
        }
    }
}
