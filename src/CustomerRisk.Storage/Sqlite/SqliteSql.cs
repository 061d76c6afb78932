using System.Text;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Ledgers;
using CustomerRisk.Storage.Schema;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>The SQL of the SQLite bulk paths, generated from the table shapes.</summary>
internal static class SqliteSql
{
    /// <summary>Julian day of 0001-01-01, the day number 0 of <see cref="DateOnly.DayNumber"/>.</summary>
    private const string JulianDayZero = "1721425.5";

    /// <summary>The upsert of one row: business columns are ?1..?n, the customer key ?n+1. A row whose business
    /// columns all equal the stored ones is left alone (no update, no history, no change counted).</summary>
    public static string Upsert<T>(TableShape<T> shape)
    {
        var sets = shape.NonKeyColumns.Select(c => $"{c.Name} = excluded.{c.Name}").ToList();
        if (shape.HasCustomerKey)
        {
            sets.Add("customer_key = excluded.customer_key");
        }

        if (shape.Table == "payments")
        {
            sets.Add("invoice_key = excluded.invoice_key");
        }

        var differs = string.Join(" OR ", shape.NonKeyColumns.Select(c => $"{shape.Table}.{c.Name} IS NOT excluded.{c.Name}"));
        return $"{Insert(shape)} ON CONFLICT ({string.Join(", ", shape.Key)}) DO UPDATE SET {string.Join(", ", sets)} " +
               $"WHERE {differs}";
    }

    /// <summary>The plain insert of one row, parameters as in <see cref="Upsert{T}"/>: for a table that was empty when
    /// the session first wrote to it, where nearly every row is new. A key already stored makes it fail (see
    /// <see cref="SqliteStatement.TryInsert"/>) and the row goes through the upsert instead.</summary>
    public static string Insert<T>(TableShape<T> shape)
    {
        var columns = shape.Columns.Select(c => c.Name).ToList();
        var values = Enumerable.Range(1, columns.Count).Select(i => $"?{i}").ToList();
        if (shape.HasCustomerKey)
        {
            columns.Add("customer_key");
            values.Add($"?{columns.Count}");
        }

        if (shape.Table == "payments")
        {
            // Link to the named invoice now when it is already stored; otherwise the commit links it.
            columns.Add("invoice_key");
            values.Add($"(SELECT invoice_key FROM invoices WHERE invoice_id = ?{shape.IndexOf("invoice_id") + 1})");
        }

        return $"INSERT INTO {shape.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
    }

    /// <summary>A temporary trigger (it lives only on the import session's connection, which knows the import run and
    /// time) that keeps the old and new business columns of every updated row in record_history.</summary>
    public static string HistoryTrigger<T>(TableShape<T> shape, Guid runId, string changedAt)
    {
        var nonKey = string.Join(", ", shape.NonKeyColumns.Select(c => c.Name));
        var key = string.Join(" || '|' || ", shape.Key.Select(k => Display("NEW", shape.Columns.First(c => c.Name == k))));
        return $"CREATE TEMP TRIGGER history_{shape.Table} AFTER UPDATE OF {nonKey} ON main.{shape.Table} BEGIN " +
               "INSERT INTO record_history (import_run_id, table_name, record_key, customer_id, old_values, new_values, changed_at) " +
               $"VALUES ('{runId:D}', '{shape.Table}', {key}, NEW.customer_id, {Json("OLD", shape)}, {Json("NEW", shape)}, '{changedAt}'); END";
    }

    /// <summary>Links payments that name an invoice stored since they were imported.</summary>
    public const string LinkPayments =
        "UPDATE payments INDEXED BY ix_payments_unlinked " +
        "SET invoice_key = (SELECT i.invoice_key FROM invoices i WHERE i.invoice_id = payments.invoice_id) " +
        "WHERE invoice_id IS NOT NULL AND invoice_key IS NULL";

    public static string Ledger(LedgerTable table, bool oneCustomer)
    {
        var only = oneCustomer ? " AND customer_id = ?2" : string.Empty;
        var onlyCustomer = oneCustomer ? " WHERE customer_id = ?1" : string.Empty;
        return table switch
        {
            LedgerTable.Customers =>
                "SELECT customer_key, customer_id, name, industry, region, sales_owner, annual_revenue, credit_limit, " +
                $"payment_terms_days, {StoredCodes.CaseExpression<ProductFocus>("product_focus")}, customer_since " +
                $"FROM customers{onlyCustomer} ORDER BY customer_id",
            LedgerTable.Invoices =>
                "SELECT customer_key, issue_date, due_date, amount, invoice_key FROM invoices " +
                $"WHERE issue_date <= ?1{only} ORDER BY customer_id, due_date, issue_date, invoice_id",
            LedgerTable.Payments =>
                "SELECT customer_key, payment_date, amount, coalesce(invoice_key, 0) FROM payments " +
                $"WHERE payment_date <= ?1{only} ORDER BY customer_id, payment_date, payment_id",
            LedgerTable.Claims =>
                "SELECT customer_key, claim_date, amount FROM claims " +
                $"WHERE claim_date <= ?1{only} ORDER BY customer_id, claim_date, claim_id",
            LedgerTable.Orders =>
                $"SELECT customer_key, order_date, amount, {StoredCodes.CaseExpression<OrderStatus>("status")} " +
                $"FROM sales_orders WHERE order_date <= ?1{only} ORDER BY customer_id, order_date, order_id",
            LedgerTable.Interactions =>
                $"SELECT customer_key, event_date, {StoredCodes.CaseExpression<InteractionType>("type")} " +
                $"FROM interactions WHERE event_date <= ?1{only} ORDER BY customer_id, event_date, event_id",
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };
    }

    public const string InsertAssessment =
        "INSERT INTO assessments (run_id, customer_id, as_of, grade, credit_score, pd, open_ar, overdue_ar, exposure, " +
        "dso, expected_loss, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

    /// <summary>Each customer's newest assessment on or before ?1: newest as-of date, then the last saved. Uses
    /// SQLite's bare columns of max(), which read the winning row only, where a window function would sort every row,
    /// details and all (five times slower on 100,000 customers). Assessment ids stay below 10^10.</summary>
    public const string LatestAssessments =
        "SELECT customer_id, as_of, run_id, grade, credit_score, pd, open_ar, overdue_ar, exposure, dso, expected_loss, details, " +
        "max(as_of * 10000000000 + assessment_id) FROM assessments WHERE as_of <= ?1 GROUP BY customer_id ORDER BY customer_id";

    /// <summary>Each customer's newest grade on or before ?1, picked as <see cref="LatestAssessments"/> picks; the
    /// index ix_assessments_latest_grade covers it, so no assessment row (and no details) is read.</summary>
    public const string LatestGrades =
        "SELECT customer_id, grade, max(as_of * 10000000000 + assessment_id) FROM assessments INDEXED BY ix_assessments_latest_grade " +
        "WHERE as_of <= ?1 GROUP BY customer_id";

    /// <summary>Expert scores dated on or before ?1 (of customer ?2 when given), in customer order.</summary>
    public static string ExpertScores(bool oneCustomer) =>
        $"SELECT customer_id, round, expert_id, {StoredCodes.CaseExpression<ExpertCriterion>("criterion")}, score_date, score " +
        $"FROM expert_scores WHERE score_date <= ?1{(oneCustomer ? " AND customer_id = ?2" : string.Empty)} " +
        "ORDER BY customer_id, round, expert_id, criterion";

    private static string Json<T>(string row, TableShape<T> shape)
    {
        var builder = new StringBuilder("json_object(");
        var first = true;
        foreach (var column in shape.Columns)
        {
            builder.Append(first ? string.Empty : ", ").Append('\'').Append(column.Name).Append("', ");
            builder.Append(column.Kind == ColumnKind.Money ? JsonMoney($"{row}.{column.Name}") : Display(row, column));
            first = false;
        }

        return builder.Append(')').ToString();
    }

    /// <summary>A column as the import format writes it: dates yyyy-MM-dd, amounts with 4 decimals.</summary>
    private static string Display(string row, Column column)
    {
        var value = $"{row}.{column.Name}";
        return column.Kind switch
        {
            ColumnKind.Date => $"CASE WHEN {value} IS NULL THEN NULL ELSE date({value} + {JulianDayZero}) END",
            ColumnKind.Money => $"CASE WHEN {value} IS NULL THEN NULL ELSE printf('%s%d.%04d', " +
                                $"CASE WHEN {value} < 0 THEN '-' ELSE '' END, abs({value}) / 10000, abs({value}) % 10000) END",
            _ => value,
        };
    }

    private static string JsonMoney(string value) =>
        $"CASE WHEN {value} IS NULL THEN NULL ELSE json(printf('%s%d.%04d', " +
        $"CASE WHEN {value} < 0 THEN '-' ELSE '' END, abs({value}) / 10000, abs({value}) % 10000)) END";
}
