using System.Data.Common;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Webhooks;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerRisk.Storage.Operations;

/// <summary>The webhook deliveries that saved alert changes queue: one per event and subscription that wants it.</summary>
internal static class AlertDeliveries
{
    /// <summary>The deliveries of <paramref name="changes"/>, whose stored alerts are <paramref name="saved"/> (same
    /// order), to <paramref name="subscriptions"/> (the active ones), stamped <paramref name="at"/> (as UTC).</summary>
    public static List<QueuedDelivery> Build(IReadOnlyList<AlertChange> changes, IReadOnlyList<Alert> saved,
        IReadOnlyList<WebhookSubscription> subscriptions, DateTimeOffset at)
    {
        var deliveries = new List<QueuedDelivery>();
        if (subscriptions.Count == 0)
        {
            return deliveries;
        }

        var utc = at.ToUniversalTime();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Event is not { } eventType)
            {
                continue;
            }

            var payload = WebhookPayload.ForAlert(eventType, saved[i], utc);
            foreach (var subscription in subscriptions)
            {
                if (subscription.Wants(eventType))
                {
                    deliveries.Add(new QueuedDelivery(saved[i].CustomerId, subscription.SubscriptionId, eventType, payload));
                }
            }
        }

        return deliveries;
    }

    /// <summary>Queues the deliveries of <paramref name="changes"/> (stored as <paramref name="saved"/>) to the active
    /// subscriptions, on the providers' bulk paths, in the open <paramref name="transaction"/> of an ADO.NET connection.
    /// Returns how many were queued. (A run saved on SQLite's native connection queues through
    /// <see cref="SqliteAlertRows.SaveRun"/>.)</summary>
    public static async Task<int> QueueAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AlertChange> changes,
        IReadOnlyList<Alert> saved, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var subscriptions = await OperationReads.ActiveSubscriptionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var deliveries = Build(changes, saved, subscriptions, at);
        if (deliveries.Count > 0)
        {
            var utc = at.ToUniversalTime();
            if (connection is NpgsqlConnection postgres)
            {
                await PostgresAlertRows.InsertDeliveriesAsync(postgres, deliveries, utc, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                SqliteAlertRows.InsertDeliveries(
                    ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open."), deliveries, utc);
            }
        }

        return deliveries.Count;
    }
}
