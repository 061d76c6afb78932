using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Schema;
using Npgsql;

namespace CustomerRisk.Storage.Postgres;

/// <summary>An import on PostgreSQL: one transaction on a connection of its own. Each batch goes by binary COPY into a
/// temporary table, then one INSERT … ON CONFLICT … DO UPDATE … WHERE IS DISTINCT FROM moves it into the table and
/// writes the change history in the same statement.</summary>
internal sealed class PostgresImportSession : IImportSession
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Guid _runId = Guid.NewGuid();
    private readonly DateTimeOffset _startedAt;
    private readonly TimeProvider _clock;
    private readonly HashSet<string> _tempTables = new(StringComparer.Ordinal);
    private HashSet<string>? _customerIds;
    private UpsertCounts _total;
    private bool _invoicesInserted;
    private bool _finished;

    private PostgresImportSession(NpgsqlConnection connection, NpgsqlTransaction transaction, TimeProvider clock)
    {
        _connection = connection;
        _transaction = transaction;
        _clock = clock;
        _startedAt = clock.GetUtcNow();
    }

    public static async Task<PostgresImportSession> BeginAsync(NpgsqlDataSource dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresImportSession(connection, transaction, clock);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IReadOnlySet<string>> ReadCustomerIdsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        return new HashSet<string>(await CustomerIdsAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
    }

    public async Task<UpsertCounts> UpsertCustomersAsync(IReadOnlyList<Customer> rows, CancellationToken cancellationToken = default)
    {
        var counts = await UpsertAsync(Shapes.Customers, rows, cancellationToken).ConfigureAwait(false);
        var ids = await CustomerIdsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            ids.Add(row.CustomerId);
        }

        return counts;
    }

    public async Task<UpsertCounts> UpsertInvoicesAsync(IReadOnlyList<Invoice> rows, CancellationToken cancellationToken = default)
    {
        var counts = await UpsertAsync(Shapes.Invoices, rows, cancellationToken).ConfigureAwait(false);
        _invoicesInserted |= counts.Inserted > 0;
        return counts;
    }

    public Task<UpsertCounts> UpsertPaymentsAsync(IReadOnlyList<Payment> rows, CancellationToken cancellationToken = default) =>
        UpsertAsync(Shapes.Payments, rows, cancellationToken);

    public Task<UpsertCounts> UpsertClaimsAsync(IReadOnlyList<Claim> rows, CancellationToken cancellationToken = default) =>
        UpsertAsync(Shapes.Claims, rows, cancellationToken);

    public Task<UpsertCounts> UpsertOrdersAsync(IReadOnlyList<SalesOrder> rows, CancellationToken cancellationToken = default) =>
        UpsertAsync(Shapes.Orders, rows, cancellationToken);

    public Task<UpsertCounts> UpsertInteractionsAsync(IReadOnlyList<Interaction> rows, CancellationToken cancellationToken = default) =>
        UpsertAsync(Shapes.Interactions, rows, cancellationToken);

    public Task<UpsertCounts> UpsertFinancialsAsync(IReadOnlyList<FinancialStatement> rows, CancellationToken cancellationToken = default) =>
        UpsertAsync(Shapes.Financials, rows, cancellationToken);

    public Task<UpsertCounts> UpsertExpertScoresAsync(IReadOnlyList<ExpertScore> rows, CancellationToken cancellationToken = default) =>
        UpsertAsync(Shapes.ExpertScores, rows, cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        if (_invoicesInserted)
        {
            await ExecuteAsync(PostgresSql.LinkPayments, cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(
                         "INSERT INTO import_runs (import_run_id, started_at, committed_at, inserted, updated, unchanged) " +
                         "VALUES (@id, @started, @committed, @inserted, @updated, @unchanged)", _connection, _transaction))
        {
            command.Parameters.AddWithValue("id", _runId);
            command.Parameters.AddWithValue("started", _startedAt.ToUniversalTime());
            command.Parameters.AddWithValue("committed", _clock.GetUtcNow().ToUniversalTime());
            command.Parameters.AddWithValue("inserted", _total.Inserted);
            command.Parameters.AddWithValue("updated", _total.Updated);
            command.Parameters.AddWithValue("unchanged", _total.Unchanged);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;
            try
            {
                await _transaction.RollbackAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is broken: the server rolls the transaction back when it goes.
            }
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<UpsertCounts> UpsertAsync<T>(TableShape<T> shape, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        ArgumentNullException.ThrowIfNull(rows);
        await VerifyAsync(shape, rows, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return default;
        }

        var temp = PostgresSql.TempTable(shape);
        if (_tempTables.Add(temp))
        {
            await ExecuteAsync(PostgresSql.CreateTempTable(shape), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync($"TRUNCATE {temp}", cancellationToken).ConfigureAwait(false);
        }

        await using (var importer = await _connection.BeginBinaryImportAsync(PostgresSql.Copy(shape), cancellationToken)
                         .ConfigureAwait(false))
        {
            var writer = new PostgresCopyWriter(importer);
            for (var i = 0; i < rows.Count; i++)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                shape.Write(rows[i], writer);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        long processed = 0, inserted = 0, updated = 0;
        await using var upsert = new NpgsqlCommand(PostgresSql.Upsert(shape), _connection, _transaction);
        var occurrence = upsert.Parameters.AddWithValue("occurrence", 1L);
        upsert.Parameters.AddWithValue("run", _runId);
        upsert.Parameters.AddWithValue("changed_at", _startedAt.ToUniversalTime());
        for (var round = 1L; processed < rows.Count; round++)
        {
            occurrence.Value = round;
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            processed += reader.GetInt64(0);
            inserted += reader.GetInt64(1);
            updated += reader.GetInt64(2);
        }

        var counts = new UpsertCounts((int)inserted, (int)updated, (int)(processed - inserted - updated));
        _total += counts;
        return counts;
    }

    private async Task VerifyAsync<T>(TableShape<T> shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var check = new RowCheck<T>(shape);
        var customerIds = shape.HasCustomerKey ? await CustomerIdsAsync(cancellationToken).ConfigureAwait(false) : null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            check.Verify(row, i);
            if (customerIds is not null && !customerIds.Contains(shape.CustomerId(row)))
            {
                throw new ArgumentException(
                    $"{shape.Table}: {shape.DescribeKey(row)} names customer '{shape.CustomerId(row)}', which is not in the store.");
            }
        }
    }

    private async Task<HashSet<string>> CustomerIdsAsync(CancellationToken cancellationToken)
    {
        if (_customerIds is null)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand("SELECT customer_id FROM customers", _connection, _transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }

            _customerIds = ids;
        }

        return _customerIds;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(_finished, this);
}
