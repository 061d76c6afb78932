using System.Runtime.CompilerServices;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Ledgers;
using CustomerRisk.Storage.Operations;
using CustomerRisk.Storage.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRisk.Storage.Postgres;

/// <summary>The store on PostgreSQL: EF Core for the schema, Npgsql's binary COPY for the bulk paths.</summary>
internal sealed class PostgresRiskStore : IRiskStore
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    public PostgresRiskStore(string connectionString, TimeProvider clock)
    {
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _clock = clock;
    }

    public string Provider => "postgresql";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (await IsCurrentAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await using var context = new PostgresRiskDbContext(_connectionString);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default) =>
        await PostgresImportSession.BeginAsync(_dataSource, _clock, cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<CustomerLedger> ReadLedgersAsync(DateOnly asOf, string? customerId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var source = await PostgresLedgerSource.OpenAsync(_dataSource, asOf, customerId, cancellationToken)
            .ConfigureAwait(false);
        await foreach (var ledger in LedgerReader.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            yield return ledger;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<CustomerLedger>> ReadLedgerBatchesAsync(DateOnly asOf, string? customerId,
        int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var source = await PostgresLedgerSource.OpenAsync(_dataSource, asOf, customerId, cancellationToken)
            .ConfigureAwait(false);
        await foreach (var batch in LedgerReader.ReadBatchesAsync(source, batchSize, cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }
    }

    public Task SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records,
        CancellationToken cancellationToken = default) => SaveRunAsync(run, records, null, cancellationToken);

    public async Task<SyncAlertsResult> SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync alerts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return (await SaveRunAsync(run, records, alerts, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<SyncAlertsResult?> SaveRunAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync? alerts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
                         "INSERT INTO assessment_runs (run_id, as_of, created_at, policy_version, score_model, customers) " +
                         "VALUES (@id, @as_of, @created, @policy, @model, @customers)", connection, transaction))
        {
            command.Parameters.AddWithValue("id", run.RunId);
            command.Parameters.AddWithValue("as_of", run.AsOf);
            command.Parameters.AddWithValue("created", run.CreatedAt.ToUniversalTime());
            command.Parameters.AddWithValue("policy", run.PolicyVersion);
            command.Parameters.AddWithValue("model", run.ScoreModel);
            command.Parameters.AddWithValue("customers", records.Count);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(PostgresSql.CopyAssessments, cancellationToken)
                         .ConfigureAwait(false))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i] ?? throw new ArgumentException($"Assessment {i + 1} is null.", nameof(records));
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.RunId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.CustomerId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.AsOf, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.Grade.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, r.CreditScore, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, Round(r.Pd, AssessmentDecoding.PdDecimals), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Round(r.OpenAr), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Round(r.OverdueAr), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Round(r.Exposure), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, Round(r.Dso, StoredAmount.Decimals), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, Round(r.ExpectedLoss, StoredAmount.Decimals), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.Details, NpgsqlDbType.Json, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var saved = alerts is null
            ? null
            : await PostgresAlertRows.SaveRunAsync(connection, transaction, alerts, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<IReadOnlyDictionary<string, AssessmentRecord>> ReadLatestAssessmentsAsync(DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = new NpgsqlCommand(PostgresSql.LatestAssessments, connection);
        command.Parameters.AddWithValue("as_of", asOf);
        using var cursor = new PostgresCursor(connection, null, command);
        return AssessmentDecoding.ReadAll(cursor, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Grade>> ReadLatestGradesAsync(DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = new NpgsqlCommand(PostgresSql.LatestGrades, connection);
        command.Parameters.AddWithValue("as_of", asOf);
        using var cursor = new PostgresCursor(connection, null, command);
        return ExpertScoreDecoding.ReadGrades(cursor, cancellationToken);
    }

    public async Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = new NpgsqlCommand(PostgresSql.ExpertScores(customerId is not null), connection);
        command.Parameters.AddWithValue("as_of", asOf);
        if (customerId is not null)
        {
            command.Parameters.AddWithValue("customer_id", customerId);
        }

        using var cursor = new PostgresCursor(connection, null, command);
        return ExpertScoreDecoding.ReadAll(cursor, cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static decimal Round(decimal value) => Math.Round(value, StoredAmount.Decimals, MidpointRounding.AwayFromZero);

    private static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type,
        CancellationToken cancellationToken) where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", connection);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return false;
            }

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using var ids = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", connection);
            await using var reader = await ids.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetString(0));
            }

            return KnownMigrations.Of<PostgresRiskDbContext>().All(applied.Contains);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false; // the database does not exist yet: EF creates it
        }
    }

    /// <summary>Reads every table in one consistent snapshot: the first connection exports it, the others import it.</summary>
    private sealed class PostgresLedgerSource : ILedgerSource
    {
        private readonly NpgsqlDataSource _dataSource;
        private readonly NpgsqlConnection _lead;
        private readonly NpgsqlTransaction _leadTransaction;
        private readonly string _snapshot;
        private readonly DateOnly _asOf;
        private readonly string? _customerId;

        private PostgresLedgerSource(NpgsqlDataSource dataSource, NpgsqlConnection lead, NpgsqlTransaction transaction,
            string snapshot, DateOnly asOf, string? customerId)
        {
            _dataSource = dataSource;
            _lead = lead;
            _leadTransaction = transaction;
            _snapshot = snapshot;
            _asOf = asOf;
            _customerId = customerId;
        }

        public static async Task<PostgresLedgerSource> OpenAsync(NpgsqlDataSource dataSource, DateOnly asOf,
            string? customerId, CancellationToken cancellationToken)
        {
            var lead = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var transaction = await lead.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
                    .ConfigureAwait(false);
                await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", lead, transaction);
                var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                return new PostgresLedgerSource(dataSource, lead, transaction, snapshot, asOf, customerId);
            }
            catch
            {
                await lead.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public IRowCursor Open(LedgerTable table)
        {
            var connection = _dataSource.OpenConnection();
            try
            {
                var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
                using (var import = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{_snapshot}'", connection, transaction))
                {
                    import.ExecuteNonQuery();
                }

                var command = new NpgsqlCommand(PostgresSql.Ledger(table, _customerId is not null), connection, transaction);
                if (table != LedgerTable.Customers)
                {
                    command.Parameters.AddWithValue("as_of", _asOf);
                }

                if (_customerId is not null)
                {
                    command.Parameters.AddWithValue("customer_id", _customerId);
                }

                return new PostgresCursor(connection, transaction, command);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _leadTransaction.DisposeAsync().ConfigureAwait(false);
            await _lead.DisposeAsync().ConfigureAwait(false);
        }
    }
}
