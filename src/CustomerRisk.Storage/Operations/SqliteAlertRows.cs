using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Storage.Entities;
using CustomerRisk.Storage.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Operations;

/// <summary>The bulk paths of the alert lifecycle on SQLite, on the handle of an open connection (the operations
/// store's, or the one that saves an assessment run with its alerts): the active alerts read by one prepared query,
/// and changes written by prepared statements re-bound for every row, in the caller's transaction. With one EF Core entity per alert, the 140,000 alerts that the first assessment of a
/// 100,000-customer portfolio opens took about 20 s of CPU (docs/benchmarks.md).</summary>
internal static class SqliteAlertRows
{
    private const string Select = "SELECT alert_id, customer_id, " + AlertRowCodes.StateColumns + " FROM alerts";

    private const string Insert =
        "INSERT INTO alerts (customer_id, " + AlertRowCodes.StateColumns + ") " +
        "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";

    private const string Update =
        "UPDATE alerts SET customer_id = ?2, rule_id = ?3, metric = ?4, threshold = ?5, value = ?6, severity = ?7, " +
        "message = ?8, first_seen = ?9, last_seen = ?10, status = ?11, acknowledged_by = ?12, acknowledged_at = ?13, " +
        "acknowledge_note = ?14, resolved_by = ?15, resolved_at = ?16, resolved_on = ?17, resolution = ?18 WHERE alert_id = ?1";

    private const string InsertDelivery =
        "INSERT INTO webhook_deliveries (customer_id, subscription_id, event_type, payload, status, attempts, created_at, " +
        "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)";

    /// <summary>The open and acknowledged alerts (of one customer when given), in id order.</summary>
    public static List<Alert> ReadActive(sqlite3 db, string? customerId)
    {
        var sql = Select + " WHERE status <> 'resolved'" + (customerId is null ? string.Empty : " AND customer_id = ?1") + " ORDER BY alert_id";
        using var query = new SqliteStatement(db, sql);
        if (customerId is not null)
        {
            query.Text(1, customerId);
        }

        // Rule, metric and severity repeat across thousands of alerts: one string each.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var alerts = new List<Alert>();
        while (query.Step())
        {
            alerts.Add(new Alert
            {
                AlertId = query.Int64(0),
                CustomerId = query.Text(1),
                RuleId = Shared(names, query.Text(2)),
                Metric = Shared(names, query.Text(3)),
                Threshold = query.IsNull(4) ? null : StoredAmount.FromScaled(query.Int64(4)),
                Value = StoredAmount.FromScaled(query.Int64(5)),
                Severity = Shared(names, query.Text(6)),
                Message = query.Text(7),
                FirstSeen = DateOnly.FromDayNumber((int)query.Int64(8)),
                LastSeen = DateOnly.FromDayNumber((int)query.Int64(9)),
                Status = AlertRowCodes.Status(query.Text(10)),
                AcknowledgedBy = OptionalText(query, 11),
                AcknowledgedAt = query.IsNull(12) ? null : StoredInstant.Parse(query.Text(12)),
                AcknowledgeNote = OptionalText(query, 13),
                ResolvedBy = OptionalText(query, 14),
                ResolvedAt = query.IsNull(15) ? null : StoredInstant.Parse(query.Text(15)),
                ResolvedOn = query.IsNull(16) ? null : DateOnly.FromDayNumber((int)query.Int64(16)),
                Resolution = OptionalText(query, 17),
            });
        }

        return alerts;
    }

    /// <summary>Writes the changes in the connection's open transaction: updates by id first (a resolved alert frees
    /// its customer and rule), then inserts in the order given, so new ids rise in that order.</summary>
    /// <returns>The alerts as saved, in the order of <paramref name="changes"/>.</returns>
    public static Alert[] Save(sqlite3 db, IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        var saved = new Alert[changes.Count];
        using (var update = new SqliteStatement(db, Update))
        {
            for (var i = 0; i < changes.Count; i++)
            {
                var alert = changes[i].Alert;
                if (alert.AlertId == 0)
                {
                    continue;
                }

                ThrowIfCancelled(i, cancellationToken);
                update.Int64(1, alert.AlertId);
                Bind(update, alert);
                update.Execute();
                if (SQLitePCL.raw.sqlite3_changes(db) != 1)
                {
                    throw new InvalidOperationException($"Alert {alert.AlertId} is no longer in the store: nothing was saved.");
                }

                saved[i] = AlertRowCodes.AsStored(alert, alert.AlertId);
            }
        }

        using (var insert = new SqliteStatement(db, Insert))
        {
            for (var i = 0; i < changes.Count; i++)
            {
                var alert = changes[i].Alert;
                if (alert.AlertId != 0)
                {
                    continue;
                }

                ThrowIfCancelled(i, cancellationToken);
                Bind(insert, alert);
                insert.Execute();
                saved[i] = AlertRowCodes.AsStored(alert, SQLitePCL.raw.sqlite3_last_insert_rowid(db));
            }
        }

        return saved;
    }

    /// <summary>Queues webhook deliveries (pending, due at once) in the connection's open transaction.</summary>
    public static void InsertDeliveries(sqlite3 db, IReadOnlyList<QueuedDelivery> deliveries, DateTimeOffset at)
    {
        using var insert = new SqliteStatement(db, InsertDelivery);
        var instant = StoredInstant.Format(at);
        foreach (var delivery in deliveries)
        {
            insert.Text(1, delivery.CustomerId);
            insert.Int64(2, delivery.SubscriptionId);
            insert.Text(3, delivery.EventType);
            insert.Text(4, delivery.Payload);
            insert.Text(5, WebhookDeliveryStatus.Pending);
            insert.Text(6, instant);
            insert.Execute();
        }
    }

    /// <summary>Reads the active alerts, plans the changes, writes them and queues their webhook deliveries, all in the
    /// connection's open transaction (an assessment run saved with its alerts).</summary>
    public static SyncAlertsResult SaveRun(sqlite3 db, RunAlertSync alerts, CancellationToken cancellationToken)
    {
        var plan = alerts.Plan(ReadActive(db, alerts.CustomerId));
        if (plan.Changes.Count == 0)
        {
            return plan.Result([], 0);
        }

        var saved = Save(db, plan.Changes, cancellationToken);
        var deliveries = AlertDeliveries.Build(plan.Changes, saved, ActiveSubscriptions(db), alerts.At);
        if (deliveries.Count > 0)
        {
            InsertDeliveries(db, deliveries, alerts.At.ToUniversalTime());
        }

        return plan.Result(saved, deliveries.Count);
    }

    /// <summary>The active webhook subscriptions, in id order.</summary>
    private static List<WebhookSubscription> ActiveSubscriptions(sqlite3 db)
    {
        using var query = new SqliteStatement(db,
            "SELECT subscription_id, url, events, secret, active, created_at FROM webhook_subscriptions WHERE active ORDER BY subscription_id");
        var subscriptions = new List<WebhookSubscription>();
        while (query.Step())
        {
            subscriptions.Add(OperationMapping.ToSubscription(new WebhookSubscriptionEntity
            {
                SubscriptionId = query.Int64(0),
                Url = query.Text(1),
                Events = query.Text(2),
                Secret = query.Text(3),
                Active = query.Int64(4) != 0,
                CreatedAt = StoredInstant.Parse(query.Text(5)),
            }));
        }

        return subscriptions;
    }

    // Parameters ?2..?18 in the column order of StateColumns; conversions as SqliteRiskDbContext's conventions.
    private static void Bind(SqliteStatement statement, Alert alert)
    {
        statement.Text(2, alert.CustomerId);
        statement.Text(3, alert.RuleId);
        statement.Text(4, alert.Metric);
        Amount(statement, 5, alert.Threshold);
        Amount(statement, 6, alert.Value);
        statement.Text(7, alert.Severity);
        statement.Text(8, alert.Message);
        statement.Int64(9, alert.FirstSeen.DayNumber);
        statement.Int64(10, alert.LastSeen.DayNumber);
        statement.Text(11, AlertRowCodes.Status(alert.Status));
        statement.Text(12, alert.AcknowledgedBy);
        Instant(statement, 13, alert.AcknowledgedAt);
        statement.Text(14, alert.AcknowledgeNote);
        statement.Text(15, alert.ResolvedBy);
        Instant(statement, 16, alert.ResolvedAt);
        if (alert.ResolvedOn is { } resolvedOn)
        {
            statement.Int64(17, resolvedOn.DayNumber);
        }
        else
        {
            statement.Null(17);
        }

        statement.Text(18, alert.Resolution);
    }

    private static void Amount(SqliteStatement statement, int parameter, decimal? amount)
    {
        if (amount is { } value)
        {
            statement.Int64(parameter, StoredAmount.ToScaledRounded(value, StoredAmount.Decimals));
        }
        else
        {
            statement.Null(parameter);
        }
    }

    private static void Instant(SqliteStatement statement, int parameter, DateTimeOffset? instant) =>
        statement.Text(parameter, instant is { } value ? StoredInstant.Format(value) : null);

    private static string? OptionalText(SqliteStatement query, int column) => query.IsNull(column) ? null : query.Text(column);

    private static string Shared(Dictionary<string, string> names, string text)
    {
        if (names.TryGetValue(text, out var shared))
        {
            return shared;
        }

        names.Add(text, text);
        return text;
    }

    private static void ThrowIfCancelled(int index, CancellationToken cancellationToken)
    {
        if (index % 4096 == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
