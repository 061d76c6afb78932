using System.Data.Common;
using CustomerRisk.Application.Webhooks;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Storage.Operations;

/// <summary>The reads of the operations tables that every saving `assess` makes (last review dates, covers, active
/// webhook subscriptions), in plain SQL on either provider rather than through EF Core: with them, and the alert sync's
/// connection and transaction, `assess` never builds the EF model nor compiles a LINQ query, which cost it about 5% of
/// its CPU time (docs/benchmarks.md). They return what the EF queries they replace returned, in the same order.
/// On SQLite dates are day numbers, amounts integers in 1/10,000 units and instants ISO text (SqliteRiskDbContext's
/// conventions); on PostgreSQL the native types.</summary>
internal static class OperationReads
{
    /// <summary>Each customer's latest review date on or before <paramref name="asOf"/>.</summary>
    public static async Task<Dictionary<string, DateOnly>> LastReviewDatesAsync(DbConnection connection, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT customer_id, MAX(reviewed_on) FROM credit_reviews WHERE reviewed_on <= @as_of GROUP BY customer_id";
        AddDate(command, "@as_of", asOf);
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            last[reader.GetString(0)] = Date(reader, 1);
        }

        return last;
    }

    /// <summary>The collateral register (of one customer when given) in cover_id order.</summary>
    public static async Task<List<CollateralEntity>> CollateralAsync(DbConnection connection, string? customerId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT cover_id, customer_id, kind, description, value, haircut, valid_from, expiry, recorded_by, recorded_at " +
                              "FROM collateral" + (customerId is null ? string.Empty : " WHERE customer_id = @customer") + " ORDER BY cover_id";
        if (customerId is not null)
        {
            Add(command, "@customer", customerId);
        }

        var rows = new List<CollateralEntity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new CollateralEntity
            {
                CoverId = reader.GetInt64(0),
                CustomerId = reader.GetString(1),
                Kind = reader.GetString(2),
                Description = reader.IsDBNull(3) ? null : reader.GetString(3),
                Value = Amount(reader, 4),
                Haircut = Amount(reader, 5),
                ValidFrom = Date(reader, 6),
                Expiry = reader.IsDBNull(7) ? null : Date(reader, 7),
                RecordedBy = reader.GetString(8),
                RecordedAt = Instant(reader, 9),
            });
        }

        return rows;
    }

    /// <summary>The active webhook subscriptions, in subscription_id order, read in <paramref name="transaction"/>.</summary>
    public static async Task<WebhookSubscription[]> ActiveSubscriptionsAsync(DbConnection connection, DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT subscription_id, url, events, secret, active, created_at FROM webhook_subscriptions " +
                              "WHERE active ORDER BY subscription_id";
        var subscriptions = new List<WebhookSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            subscriptions.Add(OperationMapping.ToSubscription(new WebhookSubscriptionEntity
            {
                SubscriptionId = reader.GetInt64(0),
                Url = reader.GetString(1),
                Events = reader.GetString(2),
                Secret = reader.GetString(3),
                Active = reader.GetBoolean(4),
                CreatedAt = Instant(reader, 5),
            }));
        }

        return subscriptions.ToArray();
    }

    private static bool IsSqlite(DbDataReader reader) => reader is SqliteDataReader;

    private static DateOnly Date(DbDataReader reader, int column) =>
        IsSqlite(reader) ? DateOnly.FromDayNumber(reader.GetInt32(column)) : reader.GetFieldValue<DateOnly>(column);

    private static decimal Amount(DbDataReader reader, int column) =>
        IsSqlite(reader) ? StoredAmount.FromScaled(reader.GetInt64(column)) : reader.GetDecimal(column);

    private static DateTimeOffset Instant(DbDataReader reader, int column) =>
        IsSqlite(reader) ? StoredInstant.Parse(reader.GetString(column)) : reader.GetFieldValue<DateTimeOffset>(column);

    private static void AddDate(DbCommand command, string name, DateOnly date)
    {
        if (command is SqliteCommand)
        {
            Add(command, name, date.DayNumber);
        }
        else
        {
            Add(command, name, date);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
