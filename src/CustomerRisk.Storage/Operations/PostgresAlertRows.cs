using CustomerRisk.Application.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRisk.Storage.Operations;

/// <summary>The bulk paths of the alert lifecycle on PostgreSQL, on the connection of an operations context and in its
/// open transaction: the active alerts read by one query; new alerts written by one binary COPY with ids taken from
/// the identity's sequence beforehand; changed alerts by one binary COPY into a temporary table and one set-based
/// UPDATE; webhook deliveries by one binary COPY.</summary>
internal static class PostgresAlertRows
{
    private const string Select = "SELECT alert_id, customer_id, " + AlertRowCodes.StateColumns + " FROM alerts";

    private const string Columns = "customer_id, alert_id, " + AlertRowCodes.StateColumns;

    /// <summary>The open and acknowledged alerts (of one customer when given), in id order.</summary>
    public static async Task<List<Alert>> ReadActiveAsync(NpgsqlConnection connection, string? customerId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            Select + " WHERE status <> 'resolved'" + (customerId is null ? string.Empty : " AND customer_id = $1") + " ORDER BY alert_id",
            connection);
        if (customerId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(new Alert
            {
                AlertId = reader.GetInt64(0),
                CustomerId = reader.GetString(1),
                RuleId = Shared(names, reader.GetString(2)),
                Metric = Shared(names, reader.GetString(3)),
                Threshold = reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                Value = reader.GetDecimal(5),
                Severity = Shared(names, reader.GetString(6)),
                Message = reader.GetString(7),
                FirstSeen = reader.GetFieldValue<DateOnly>(8),
                LastSeen = reader.GetFieldValue<DateOnly>(9),
                Status = AlertRowCodes.Status(reader.GetString(10)),
                AcknowledgedBy = reader.IsDBNull(11) ? null : reader.GetString(11),
                AcknowledgedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                AcknowledgeNote = reader.IsDBNull(13) ? null : reader.GetString(13),
                ResolvedBy = reader.IsDBNull(14) ? null : reader.GetString(14),
                ResolvedAt = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
                ResolvedOn = reader.IsDBNull(16) ? null : reader.GetFieldValue<DateOnly>(16),
                Resolution = reader.IsDBNull(17) ? null : reader.GetString(17),
            });
        }

        return alerts;
    }

    /// <summary>Writes the changes: updates first (a resolved alert frees its customer and rule), then inserts, whose
    /// ids rise in the order given.</summary>
    /// <returns>The alerts as saved, in the order of <paramref name="changes"/>.</returns>
    public static async Task<Alert[]> SaveAsync(NpgsqlConnection connection, IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        var saved = new Alert[changes.Count];
        var updates = new List<Alert>();
        var inserts = 0;
        foreach (var change in changes)
        {
            if (change.Alert.AlertId == 0)
            {
                inserts++;
            }
            else
            {
                updates.Add(AlertRowCodes.AsStored(change.Alert, change.Alert.AlertId));
            }
        }

        if (updates.Count > 0)
        {
            await Execute(connection, "CREATE TEMPORARY TABLE alert_changes (LIKE alerts) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
            await CopyAsync(connection, "alert_changes", updates, cancellationToken).ConfigureAwait(false);
            var set = string.Join(", ", AlertRowCodes.StateColumns.Split(", ").Select(c => $"{c} = c.{c}"));
            var updated = await Execute(connection,
                $"UPDATE alerts AS a SET {set} FROM alert_changes AS c WHERE a.customer_id = c.customer_id AND a.alert_id = c.alert_id",
                cancellationToken).ConfigureAwait(false);
            if (updated != updates.Count)
            {
                throw new InvalidOperationException($"{updates.Count - updated} of the alerts to update are no longer in the store: nothing was saved.");
            }

            await Execute(connection, "DROP TABLE alert_changes", cancellationToken).ConfigureAwait(false);
        }

        var ids = await NewIdsAsync(connection, inserts, cancellationToken).ConfigureAwait(false);
        var inserted = new List<Alert>(inserts);
        for (int i = 0, next = 0; i < changes.Count; i++)
        {
            var alert = changes[i].Alert;
            saved[i] = AlertRowCodes.AsStored(alert, alert.AlertId == 0 ? ids[next++] : alert.AlertId);
            if (alert.AlertId == 0)
            {
                inserted.Add(saved[i]);
            }
        }

        if (inserted.Count > 0)
        {
            await CopyAsync(connection, "alerts", inserted, cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    /// <summary>Reads the active alerts, plans the changes, writes them and queues their webhook deliveries, all in the
    /// connection's open <paramref name="transaction"/> (an assessment run saved with its alerts).</summary>
    public static async Task<SyncAlertsResult> SaveRunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunAlertSync alerts,
        CancellationToken cancellationToken)
    {
        var plan = alerts.Plan(await ReadActiveAsync(connection, alerts.CustomerId, cancellationToken).ConfigureAwait(false));
        if (plan.Changes.Count == 0)
        {
            return plan.Result([], 0);
        }

        var saved = await SaveAsync(connection, plan.Changes, cancellationToken).ConfigureAwait(false);
        var queued = await AlertDeliveries.QueueAsync(connection, transaction, plan.Changes, saved, alerts.At, cancellationToken).ConfigureAwait(false);
        return plan.Result(saved, queued);
    }

    /// <summary>Queues webhook deliveries (pending, due at once) by one binary COPY.</summary>
    public static async Task InsertDeliveriesAsync(NpgsqlConnection connection, IReadOnlyList<QueuedDelivery> deliveries, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY webhook_deliveries (customer_id, subscription_id, event_type, payload, status, attempts, created_at, next_attempt_at) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        var utc = at.ToUniversalTime();
        foreach (var delivery in deliveries)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(delivery.CustomerId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(delivery.SubscriptionId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(delivery.EventType, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(delivery.Payload, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(Application.Webhooks.WebhookDeliveryStatus.Pending, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(utc, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(utc, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes <paramref name="count"/> ids from the identity's sequence, ascending.</summary>
    private static async Task<long[]> NewIdsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        if (count == 0)
        {
            return ids;
        }

        await using var command = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('alerts', 'alert_id')) FROM generate_series(1, $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids[n++] = reader.GetInt64(0);
        }

        Array.Sort(ids);
        return ids;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<Alert> alerts, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        foreach (var a in alerts)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await Text(importer, a.CustomerId, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(a.AlertId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.RuleId, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.Metric, cancellationToken).ConfigureAwait(false);
            await Numeric(importer, a.Threshold, cancellationToken).ConfigureAwait(false);
            await Numeric(importer, a.Value, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.Severity, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.Message, cancellationToken).ConfigureAwait(false);
            await Date(importer, a.FirstSeen, cancellationToken).ConfigureAwait(false);
            await Date(importer, a.LastSeen, cancellationToken).ConfigureAwait(false);
            await Text(importer, AlertRowCodes.Status(a.Status), cancellationToken).ConfigureAwait(false);
            await Text(importer, a.AcknowledgedBy, cancellationToken).ConfigureAwait(false);
            await Instant(importer, a.AcknowledgedAt, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.AcknowledgeNote, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.ResolvedBy, cancellationToken).ConfigureAwait(false);
            await Instant(importer, a.ResolvedAt, cancellationToken).ConfigureAwait(false);
            await Date(importer, a.ResolvedOn, cancellationToken).ConfigureAwait(false);
            await Text(importer, a.Resolution, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task Text(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    // numeric(19,4) rounds half away from zero, as the EF mapping's parameters did.
    private static Task Numeric(NpgsqlBinaryImporter importer, decimal? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task Date(NpgsqlBinaryImporter importer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task Instant(NpgsqlBinaryImporter importer, DateTimeOffset? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Shared(Dictionary<string, string> names, string text)
    {
        if (names.TryGetValue(text, out var shared))
        {
            return shared;
        }

        names.Add(text, text);
        return text;
    }
}
