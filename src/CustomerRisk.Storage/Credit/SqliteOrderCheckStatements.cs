using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Sqlite;

namespace CustomerRisk.Storage.Credit;

/// <summary>The statements an order check runs on SQLite (its two reads, then those inside its group commit), on the native API
/// (<see cref="SqliteStatement"/>, as the import uses) instead of Microsoft.Data.Sqlite commands and readers: values
/// are bound by number without boxing, and no reader, parameter collection or timer is made per statement. The SQL and
/// what it stores are those of the shared path in <see cref="CreditStore"/>, which PostgreSQL still takes.</summary>
internal static class SqliteOrderCheckStatements
{
    private const string SumApprovedOpen =
        "SELECT coalesce(sum(c.amount), 0) FROM order_checks c WHERE c.customer_id = ?1 AND c.counts_open = 1 AND c.order_id <> ?2 " +
        "AND NOT EXISTS (SELECT 1 FROM sales_orders s WHERE s.order_id = c.order_id)";

    private const string SelectGrants =
        "SELECT limit_id, customer_id, amount, kind, valid_from, valid_to, approver, reason, granted_at, review_id " +
        "FROM credit_limits WHERE customer_id = ?1 ORDER BY limit_id";

    private const string CloseEarlier =
        "UPDATE order_checks SET counts_open = 0 WHERE customer_id = ?1 AND order_id = ?2 AND counts_open = 1";

    private const string InsertCheck =
        "INSERT INTO order_checks (customer_id, order_id, amount, as_of, checked_at, actor, decision, reasons, grade, " +
        "open_ar, open_orders, exposure, credit_limit, limit_source, oldest_dpd, policy_version, counts_open) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";

    private const string InsertAudit =
        "INSERT INTO audit_log (seq, at, actor, action, entity, customer_id, before_json, after_json, prev_hash, hash) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

    private const string SelectActivePolicy =
        "SELECT policy_id, version, content_hash, source_name, loaded_at, loaded_by FROM policies WHERE active = 1";

    private const string SelectFigures =
        "SELECT g.generation, f.generation, f.policy_version, f.as_of, f.grade, f.open_ar, f.overdue_ar, f.oldest_dpd, " +
        "f.imported_open_orders, f.imported_credit_limit, f.sales_12m, f.annual_revenue " +
        "FROM (SELECT count(*) AS generation FROM import_runs) g LEFT JOIN credit_figures f ON f.customer_id = ?1";

    /// <summary>The active policy's row without its text, or null when none was loaded.</summary>
    public static StoredPolicy? ActivePolicyWithoutText(PreparedSqliteConnection connection)
    {
        var select = connection.Statement(SelectActivePolicy);
        try
        {
            return select.Step()
                ? new StoredPolicy
                {
                    Id = select.Int64(0),
                    Version = select.Text(1),
                    ContentHash = select.Text(2),
                    Text = string.Empty,
                    SourceName = select.Text(3),
                    LoadedAt = StoredInstant.Parse(select.Text(4)),
                    LoadedBy = select.Text(5),
                    Active = true,
                }
                : null;
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>The cached figures (see <see cref="CreditStore.ReadFiguresAsync"/>).</summary>
    public static CachedFigures Figures(PreparedSqliteConnection connection, string customerId, DateOnly asOf, string policyVersion)
    {
        var select = connection.Statement(SelectFigures);
        select.Text(1, customerId);
        try
        {
            select.Step();
            var generation = select.Int64(0);
            if (select.IsNull(1) || select.Int64(1) != generation || select.Int64(3) != asOf.DayNumber || select.Text(2) != policyVersion)
            {
                return new CachedFigures(null, generation);
            }

            return new CachedFigures(new CustomerCreditFigures
            {
                CustomerId = customerId,
                AsOf = asOf,
                PolicyVersion = policyVersion,
                Grade = select.Text(4),
                OpenAr = StoredAmount.FromScaled(select.Int64(5)),
                OverdueAr = StoredAmount.FromScaled(select.Int64(6)),
                OldestDpd = checked((int)select.Int64(7)),
                ImportedOpenOrders = StoredAmount.FromScaled(select.Int64(8)),
                ImportedCreditLimit = select.IsNull(9) ? null : StoredAmount.FromScaled(select.Int64(9)),
                Sales12m = StoredAmount.FromScaled(select.Int64(10)),
                AnnualRevenue = select.IsNull(11) ? null : StoredAmount.FromScaled(select.Int64(11)),
            }, generation);
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>Orders approved by earlier checks that still count (see the shared SQL in <see cref="CreditStore"/>).</summary>
    public static decimal ApprovedOpenOrders(PreparedSqliteConnection connection, string customerId, string orderId)
    {
        var sum = connection.Statement(SumApprovedOpen);
        sum.Text(1, customerId);
        sum.Text(2, orderId);
        try
        {
            return sum.Step() ? StoredAmount.FromScaled(sum.Int64(0)) : 0m;
        }
        finally
        {
            sum.Reset();
        }
    }

    /// <summary>The customer's grants, oldest first.</summary>
    public static IReadOnlyList<LimitGrant> Grants(PreparedSqliteConnection connection, string customerId)
    {
        var select = connection.Statement(SelectGrants);
        select.Text(1, customerId);
        try
        {
            List<LimitGrant>? grants = null;
            while (select.Step())
            {
                (grants ??= []).Add(new LimitGrant
                {
                    Id = select.Int64(0),
                    CustomerId = select.Text(1),
                    Amount = StoredAmount.FromScaled(select.Int64(2)),
                    Kind = select.Text(3) == "temporary" ? LimitKind.Temporary : LimitKind.Standing,
                    ValidFrom = DateOnly.FromDayNumber(checked((int)select.Int64(4))),
                    ValidTo = select.IsNull(5) ? null : DateOnly.FromDayNumber(checked((int)select.Int64(5))),
                    Approver = select.Text(6),
                    Reason = select.Text(7),
                    GrantedAt = StoredInstant.Parse(select.Text(8)),
                    ReviewId = select.IsNull(9) ? null : select.Int64(9),
                });
            }

            return grants ?? (IReadOnlyList<LimitGrant>)[];
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>An earlier check of the same order stops counting.</summary>
    public static void CloseEarlierCheck(PreparedSqliteConnection connection, string customerId, string orderId)
    {
        var close = connection.Statement(CloseEarlier);
        close.Text(1, customerId);
        close.Text(2, orderId);
        close.Execute();
    }

    /// <summary>Records the check; returns its check_id (the row id).</summary>
    public static long Insert(PreparedSqliteConnection connection, OrderCheckRecord record, ReadOnlySpan<byte> reasonsJson)
    {
        var insert = connection.Statement(InsertCheck);
        insert.Text(1, record.CustomerId);
        insert.Text(2, record.OrderId);
        insert.Int64(3, Money(record.Amount));
        insert.Int64(4, record.AsOf.DayNumber);
        insert.Text(5, StoredInstant.Format(record.CheckedAt));
        insert.Text(6, record.Actor);
        insert.Text(7, record.Decision);
        insert.Utf8(8, reasonsJson);
        insert.Text(9, record.Grade);
        insert.Int64(10, Money(record.OpenAr));
        insert.Int64(11, Money(record.OpenOrders));
        insert.Int64(12, Money(record.Exposure));
        if (record.Limit is { } limit)
        {
            insert.Int64(13, Money(limit));
        }
        else
        {
            insert.Null(13);
        }

        insert.Text(14, record.LimitSource);
        insert.Int64(15, record.OldestDpd);
        insert.Text(16, record.PolicyVersion);
        insert.Int64(17, record.Decision == "approve" ? 1 : 0);
        insert.Execute();
        return connection.LastInsertRowId();
    }

    /// <summary>Appends an audit record (the head is moved by the caller, once per batch).</summary>
    public static void Append(PreparedSqliteConnection connection, AuditRecord record)
    {
        var insert = connection.Statement(InsertAudit);
        insert.Int64(1, record.Seq);
        insert.Text(2, StoredInstant.Format(record.At));
        insert.Text(3, record.Actor);
        insert.Text(4, record.Action);
        insert.Text(5, record.Entity);
        insert.Text(6, record.CustomerId);
        insert.Text(7, record.Before);
        insert.Text(8, record.After);
        insert.Text(9, record.PrevHash);
        insert.Text(10, record.Hash);
        insert.Execute();
    }

    private static long Money(decimal value) => StoredAmount.ToScaledRounded(value, StoredAmount.Decimals);
}
