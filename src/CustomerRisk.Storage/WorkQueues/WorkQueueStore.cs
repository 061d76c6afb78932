using System.Data.Common;
using System.Globalization;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRisk.Storage.WorkQueues;

/// <summary>The kept work queues on either provider, in plain SQL on the connection of a risk context: a list's rows
/// (work_queue_rows) are paged by their rank key in the database; its head (work_queue_heads) holds the state of the
/// database they were computed from. A whole list is written on SQLite by one prepared statement re-bound per row, on
/// PostgreSQL by a binary COPY, in one transaction that first takes the list's lock (SQLite's write lock, a PostgreSQL
/// advisory lock), so two instances computing the same list write one after the other.</summary>
internal sealed class WorkQueueStore(Func<RiskDbContext> open) : IWorkQueueStore
{
    /// <summary>Kept lists of one kind (across dates and policies) beyond this many, the oldest computed first, are dropped.</summary>
    private const int KeptListsPerKind = 8;

    private const string HeadColumns = "list, as_of, data_version, alerts_version, decision_seq, total_amount, built_at";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<WorkQueueState> ReadStateAsync(IReadOnlyList<string> decisions, CancellationToken cancellationToken = default)
    {
        var codes = Codes(decisions);
        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        // The extreme set's count, id sum and largest id: an alert that opens, resolves or changes severity moves it.
        var sql = "SELECT (SELECT count(*) FROM import_runs), (SELECT count(*) FROM assessment_runs), " +
                  "(SELECT count(*) FROM alerts WHERE severity = 'extreme' AND status <> 'resolved'), " +
                  "(SELECT coalesce(sum(alert_id), 0) FROM alerts WHERE severity = 'extreme' AND status <> 'resolved'), " +
                  "(SELECT coalesce(max(alert_id), 0) FROM alerts WHERE severity = 'extreme' AND status <> 'resolved'), " +
                  (codes.Length == 0 ? "0" : $"(SELECT coalesce(max(seq), 0) FROM audit_log WHERE action IN ({codes}))");
        await using var command = Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        string Text(int i) => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "0";
        return new WorkQueueState($"{Text(0)}:{Text(1)}", $"{Text(2)}:{Text(3)}:{Text(4)}",
            Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<string>> ReadDecidedCustomersAsync(IReadOnlyList<string> decisions, long afterSeq, long upToSeq, int limit,
        CancellationToken cancellationToken = default)
    {
        var codes = Codes(decisions);
        if (codes.Length == 0)
        {
            return [];
        }

        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT DISTINCT customer_id FROM audit_log WHERE seq > @after AND seq <= @upto AND action IN ({codes}) AND customer_id IS NOT NULL LIMIT @limit");
        Add(command, "after", afterSeq);
        Add(command, "upto", upToSeq);
        Add(command, "limit", (long)limit + 1);
        var customers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            customers.Add(reader.GetString(0));
        }

        return customers;
    }

    public async Task<WorkQueueHead?> ReadHeadAsync(string list, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        return await ReadHeadAsync(connection, null, list, asOf, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(WorkQueueHead head, IReadOnlyList<WorkQueueRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(rows);
        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tx = transaction.GetDbTransaction();
        await LockAsync(connection, tx, head.List, head.AsOf, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "DELETE FROM work_queue_rows WHERE list = @list AND as_of = @as_of", cancellationToken,
            ("list", head.List), ("as_of", (long)head.AsOf.DayNumber)).ConfigureAwait(false);
        await InsertRowsAsync(connection, tx, head.List, head.AsOf, rows, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "DELETE FROM work_queue_heads WHERE list = @list AND as_of = @as_of", cancellationToken,
            ("list", head.List), ("as_of", (long)head.AsOf.DayNumber)).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, $"INSERT INTO work_queue_heads ({HeadColumns}) VALUES (@list, @as_of, @data, @alerts, @seq, @total, @built)",
            cancellationToken, HeadValues(head)).ConfigureAwait(false);
        await DropOldestAsync(connection, tx, head.List, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RefreshAsync(WorkQueueHead expected, WorkQueueHead head, IReadOnlyCollection<string> customers, IReadOnlyList<WorkQueueRow> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(rows);
        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tx = transaction.GetDbTransaction();
        await LockAsync(connection, tx, head.List, head.AsOf, cancellationToken).ConfigureAwait(false);
        var stored = await ReadHeadAsync(connection, tx, expected.List, expected.AsOf, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.State != expected.State || stored.TotalAmount != expected.TotalAmount)
        {
            return false;
        }

        foreach (var customer in customers)
        {
            await ExecuteAsync(connection, tx, "DELETE FROM work_queue_rows WHERE list = @list AND as_of = @as_of AND customer_id = @customer",
                cancellationToken, ("list", head.List), ("as_of", (long)head.AsOf.DayNumber), ("customer", customer)).ConfigureAwait(false);
        }

        await InsertRowsAsync(connection, tx, head.List, head.AsOf, rows, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "UPDATE work_queue_heads SET data_version = @data, alerts_version = @alerts, decision_seq = @seq, " +
                                           "total_amount = @total WHERE list = @list AND as_of = @as_of",
            cancellationToken, HeadValues(head)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<WorkQueueRow>> ReadRowsAsync(string list, DateOnly asOf, IReadOnlyCollection<string> customers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        var rows = new List<WorkQueueRow>();
        foreach (var customer in customers.Distinct(StringComparer.Ordinal))
        {
            await using var command = Command(connection, null,
                "SELECT customer_id, flagged, rank_key, amount, payload FROM work_queue_rows WHERE list = @list AND as_of = @as_of AND customer_id = @customer");
            Add(command, "list", list);
            Add(command, "as_of", (long)asOf.DayNumber);
            Add(command, "customer", customer);
            rows.AddRange(await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    public async Task<(IReadOnlyList<WorkQueueRow> Rows, int Total)> PageAsync(string list, DateOnly asOf, bool flaggedOnly, long offset, int take,
        CancellationToken cancellationToken = default)
    {
        await using var db = open();
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        var where = "WHERE list = @list AND as_of = @as_of" + (flaggedOnly ? " AND flagged = 1" : string.Empty);
        await using var count = Command(connection, null, $"SELECT count(*) FROM work_queue_rows {where}");
        Add(count, "list", list);
        Add(count, "as_of", (long)asOf.DayNumber);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await using var page = Command(connection, null,
            $"SELECT customer_id, flagged, rank_key, amount, payload FROM work_queue_rows {where} ORDER BY rank_key LIMIT @take OFFSET @skip");
        Add(page, "list", list);
        Add(page, "as_of", (long)asOf.DayNumber);
        Add(page, "take", (long)take);
        Add(page, "skip", offset);
        return (await ReadRowsAsync(page, cancellationToken).ConfigureAwait(false), total);
    }

    public async Task<(IReadOnlyList<CollectionAction> Actions, IReadOnlyList<PaymentPromise> OpenPromises)> ReadCollectionsAsync(
        IReadOnlyCollection<string> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var ids = customers.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return ([], []);
        }

        await using var db = open();
        var openCode = Application.Operations.OperationCodes.ToCode(PromiseStatus.Open);
        var actions = await db.Set<CollectionActionEntity>().AsNoTracking().Where(a => ids.Contains(a.CustomerId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var promises = await db.Set<PaymentPromiseEntity>().AsNoTracking().Where(p => ids.Contains(p.CustomerId) && p.Status == openCode)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (actions.Select(OperationMapping.ToAction).ToArray(), promises.Select(OperationMapping.ToPromise).ToArray());
    }

    private static async Task<DbConnection> OpenAsync(RiskDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return db.Database.GetDbConnection();
    }

    private static async Task<WorkQueueHead?> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, string list, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {HeadColumns} FROM work_queue_heads WHERE list = @list AND as_of = @as_of");
        Add(command, "list", list);
        Add(command, "as_of", (long)asOf.DayNumber);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new WorkQueueHead(reader.GetString(0), DateOnly.FromDayNumber(Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)),
            new WorkQueueState(reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)),
            decimal.Parse(reader.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    private static async Task<IReadOnlyList<WorkQueueRow>> ReadRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<WorkQueueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new WorkQueueRow(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 1, reader.GetString(2),
                decimal.Parse(reader.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture), reader.GetString(4)));
        }

        return rows;
    }

    private static async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string list, DateOnly asOf,
        IReadOnlyList<WorkQueueRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            await using var importer = await postgres.BeginBinaryImportAsync(
                "COPY work_queue_rows (list, as_of, customer_id, flagged, rank_key, amount, payload) FROM STDIN (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(list, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(asOf.DayNumber, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.CustomerId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.Flagged ? (short)1 : (short)0, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.RankKey, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Amount(row.Amount), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.Payload, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var insert = Command(connection, transaction,
            "INSERT INTO work_queue_rows (list, as_of, customer_id, flagged, rank_key, amount, payload) VALUES (@list, @as_of, @customer, @flagged, @rank, @amount, @payload)");
        var parameters = new[] { "list", "as_of", "customer", "flagged", "rank", "amount", "payload" }.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@" + name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        parameters[0].Value = list;
        parameters[1].Value = (long)asOf.DayNumber;
        await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            parameters[2].Value = row.CustomerId;
            parameters[3].Value = row.Flagged ? 1L : 0L;
            parameters[4].Value = row.RankKey;
            parameters[5].Value = Amount(row.Amount);
            parameters[6].Value = row.Payload;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the list's write lock for the transaction: on SQLite the transaction's own (BEGIN IMMEDIATE), on
    /// PostgreSQL an advisory lock of the list and date.</summary>
    private static async Task LockAsync(DbConnection connection, DbTransaction transaction, string list, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection)
        {
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@key))", cancellationToken,
                ("key", $"work_queue|{list}|{asOf.DayNumber}")).ConfigureAwait(false);
        }
    }

    private static async Task DropOldestAsync(DbConnection connection, DbTransaction transaction, string list, CancellationToken cancellationToken)
    {
        var kind = list.Split('|')[0] + "|%";
        var old = new List<(string List, long AsOf)>();
        await using (var command = Command(connection, transaction,
                         "SELECT list, as_of FROM work_queue_heads WHERE list LIKE @kind ORDER BY built_at DESC, as_of DESC LIMIT -1 OFFSET @keep"
                             .Replace("LIMIT -1 ", connection is NpgsqlConnection ? "LIMIT ALL " : "LIMIT -1 ", StringComparison.Ordinal)))
        {
            Add(command, "kind", kind);
            Add(command, "keep", (long)KeptListsPerKind);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                old.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (oldList, asOf) in old)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM work_queue_rows WHERE list = @list AND as_of = @as_of", cancellationToken,
                ("list", oldList), ("as_of", asOf)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM work_queue_heads WHERE list = @list AND as_of = @as_of", cancellationToken,
                ("list", oldList), ("as_of", asOf)).ConfigureAwait(false);
        }
    }

    private static (string, object)[] HeadValues(WorkQueueHead head) =>
    [
        ("list", head.List), ("as_of", (long)head.AsOf.DayNumber), ("data", head.State.DataVersion), ("alerts", head.State.AlertsVersion),
        ("seq", head.State.DecisionSeq), ("total", Amount(head.TotalAmount)),
        ("built", head.BuiltAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
    ];

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>The action codes written into the statement (checked, as the audit store's newest-decision query does).</summary>
    private static string Codes(IReadOnlyList<string> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var action in decisions)
        {
            if (action.Length == 0 || !action.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_'))
            {
                throw new ArgumentException($"'{action}' is not an action code.", nameof(decisions));
            }
        }

        return string.Join(", ", decisions.Select(a => $"'{a}'"));
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] values)
    {
        await using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in values)
        {
            Add(command, name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
