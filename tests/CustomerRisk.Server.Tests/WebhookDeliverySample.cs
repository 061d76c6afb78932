using System.Data.Common;
using System.Globalization;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Operations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerRisk.Server.Tests;

/// <summary>A subscription of its own with one delivery at a chosen status, as the dispatcher leaves it. The outbox row
/// is written directly, because queueing one through an alert change would queue it for every other test's
/// subscription too; its attempt is recorded through the store, as the dispatcher records it.</summary>
public static class WebhookDeliverySample
{
    public static readonly DateTimeOffset At = new(2026, 6, 30, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Adds a subscription (to a URL nothing listens on) and one delivery at <paramref name="status"/>.</summary>
    public static async Task<(long SubscriptionId, long DeliveryId)> AddAsync(string db, string status = WebhookDeliveryStatus.Failed,
        string customerId = "C00001", long alertId = 1)
    {
        await using var store = OperationsStoreFactory.Open(db);
        var subscription = await AddWebhook.HandleAsync(new AddWebhookRequest("http://127.0.0.1:9/failing", By: "tests"), store, TimeProvider.System);
        var payload = $"{{\"event\":\"alert.opened\",\"occurred_at\":\"2026-06-30T08:00:00+00:00\",\"alert\":{{\"alert_id\":{alertId},\"customer_id\":\"{customerId}\"}}}}";
        long deliveryId;
        await using (var connection = await ConnectAsync(db))
        await using (var insert = connection.CreateCommand())
        {
            var postgres = connection is NpgsqlConnection;
            insert.CommandText = "INSERT INTO webhook_deliveries (customer_id, subscription_id, event_type, payload, status, attempts, created_at, next_attempt_at) " +
                (postgres ? "VALUES (@c, @s, 'alert.opened', @p, 'pending', 0, @t, @t) RETURNING delivery_id"
                    : "VALUES (@c, @s, 'alert.opened', @p, 'pending', 0, @t, @t); SELECT last_insert_rowid();");
            Add(insert, "c", customerId);
            Add(insert, "s", subscription.SubscriptionId);
            Add(insert, "p", payload);
            Add(insert, "t", postgres ? At : At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            deliveryId = Convert.ToInt64(await insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        if (status == WebhookDeliveryStatus.Delivered)
        {
            await store.RecordAttemptAsync(new WebhookAttempt(deliveryId, 1, At, 200, null, 35), status, At);
        }
        else if (status == WebhookDeliveryStatus.Failed)
        {
            await store.RecordAttemptAsync(new WebhookAttempt(deliveryId, 1, At, 503, "HTTP 503 Service Unavailable", 120), WebhookDeliveryStatus.Pending, At);
            await store.RecordAttemptAsync(new WebhookAttempt(deliveryId, 2, At.AddMinutes(1), null, "Connection refused (127.0.0.1:9)", 2), status, At);
        }

        return (subscription.SubscriptionId, deliveryId);
    }

    private static async Task<DbConnection> ConnectAsync(string db)
    {
        DbConnection connection = RiskStoreFactory.IsPostgres(db) ? new NpgsqlConnection(db) : new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        return connection;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
