using CustomerRisk.Domain;
using CustomerRisk.Storage.Ledgers;
using CustomerRisk.Storage.Schema;

namespace CustomerRisk.Storage.Postgres;

/// <summary>The SQL of the PostgreSQL bulk paths, generated from the table shapes.</summary>
internal static class PostgresSql
{
    private const string DayZero = "DATE '0001-01-01'";

    public static string TempTable<T>(TableShape<T> shape) => $"tmp_{shape.Table}";

    public static string CreateTempTable<T>(TableShape<T> shape) =>
        $"CREATE TEMP TABLE {TempTable(shape)} (ord integer NOT NULL, " +
        string.Join(", ", shape.Columns.Select(c => $"{c.Name} {TypeOf(c.Kind)}")) + ") ON COMMIT DROP";

    public static string Copy<T>(TableShape<T> shape) =>
        $"COPY {TempTable(shape)} (ord, {string.Join(", ", shape.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>One round of the upsert from the temporary table: the rows that are the <c>@occurrence</c>-th of their
    /// key in the batch (a key twice in one batch is applied in two rounds, in file order, as SQLite does row by row).
    /// Returns the rows of the round, how many were inserted and how many updated; changed rows' old and new values go
    /// to record_history (the CTE <c>old</c> sees the rows as they were before the statement).</summary>
    public static string Upsert<T>(TableShape<T> shape)
    {
        var table = shape.Table;
        var key = string.Join(", ", shape.Key);
        var columns = shape.Columns.Select(c => c.Name).ToList();
        var selected = shape.Columns.Select(c => $"src.{c.Name}").ToList();
        var sets = shape.NonKeyColumns.Select(c => $"{c.Name} = EXCLUDED.{c.Name}").ToList();
        var joins = string.Empty;
        if (shape.HasCustomerKey)
        {
            columns.Add("customer_key");
            selected.Add("c.customer_key");
            sets.Add("customer_key = EXCLUDED.customer_key");
            joins += " JOIN customers c ON c.customer_id = src.customer_id";
        }

        if (table == "payments")
        {
            columns.Add("invoice_key");
            selected.Add("i.invoice_key");
            sets.Add("invoice_key = EXCLUDED.invoice_key");
            joins += " LEFT JOIN invoices i ON i.invoice_id = src.invoice_id";
        }

        var nonKey = shape.NonKeyColumns.Select(c => c.Name).ToList();
        var keyMatch = string.Join(" AND ", shape.Key.Select(k => $"old.{k} = up.{k}"));
        var recordKey = $"concat_ws('|', {string.Join(", ", shape.Key.Select(k => $"up.{k}::text"))})";
        return
            $"WITH src AS (SELECT {string.Join(", ", shape.Columns.Select(Typed))} FROM (SELECT t.*, " +
            $"row_number() OVER (PARTITION BY {key} ORDER BY ord) AS occurrence " +
            $"FROM {TempTable(shape)} t) numbered WHERE occurrence = @occurrence), " +
            $"old AS (SELECT {string.Join(", ", shape.Key.Select(k => $"o.{k}"))}, {Json("o", shape)} AS old_values " +
            $"FROM {table} o WHERE ({string.Join(", ", shape.Key.Select(k => $"o.{k}"))}) IN (SELECT {key} FROM src)), " +
            $"up AS (INSERT INTO {table} AS t ({string.Join(", ", columns)}) SELECT {string.Join(", ", selected)} FROM src{joins} " +
            $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", sets)} " +
            $"WHERE ({string.Join(", ", nonKey.Select(c => $"t.{c}"))}) IS DISTINCT FROM ({string.Join(", ", nonKey.Select(c => $"EXCLUDED.{c}"))}) " +
            $"RETURNING {string.Join(", ", shape.Key.Select(k => $"t.{k}"))}{(shape.Key.Contains("customer_id") ? string.Empty : ", t.customer_id")}, " +
            $"(t.xmax = 0) AS inserted, {Json("t", shape)} AS new_values), " +
            "history AS (INSERT INTO record_history (customer_id, import_run_id, table_name, record_key, old_values, new_values, changed_at) " +
            $"SELECT up.customer_id, @run, '{table}', {recordKey}, old.old_values, up.new_values, @changed_at " +
            $"FROM up JOIN old ON {keyMatch} WHERE NOT up.inserted) " +
            "SELECT (SELECT count(*) FROM src), count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up";
    }

    public const string LinkPayments =
        "UPDATE payments p SET invoice_key = i.invoice_key FROM invoices i " +
        "WHERE p.invoice_id IS NOT NULL AND p.invoice_key IS NULL AND i.invoice_id = p.invoice_id";

    public static string Ledger(LedgerTable table, bool oneCustomer)
    {
        var only = oneCustomer ? " AND customer_id = @customer_id" : string.Empty;
        return table switch
        {
            LedgerTable.Customers =>
                "SELECT customer_key, customer_id, name, industry, region, sales_owner, " +
                $"{Scaled("annual_revenue")}, {Scaled("credit_limit")}, payment_terms_days::int8, " +
                $"{StoredCodes.CaseExpression<ProductFocus>("product_focus")}::int8, {Day("customer_since")} FROM customers" +
                (oneCustomer ? " WHERE customer_id = @customer_id" : string.Empty) + " ORDER BY customer_id",
            LedgerTable.Invoices =>
                $"SELECT customer_key, {Day("issue_date")}, {Day("due_date")}, {Scaled("amount")}, invoice_key FROM invoices " +
                $"WHERE issue_date <= @as_of{only} ORDER BY customer_id, due_date, issue_date, invoice_id",
            LedgerTable.Payments =>
                $"SELECT customer_key, {Day("payment_date")}, {Scaled("amount")}, coalesce(invoice_key, 0) FROM payments " +
                $"WHERE payment_date <= @as_of{only} ORDER BY customer_id, payment_date, payment_id",
            LedgerTable.Claims =>
                $"SELECT customer_key, {Day("claim_date")}, {Scaled("amount")} FROM claims " +
                $"WHERE claim_date <= @as_of{only} ORDER BY customer_id, claim_date, claim_id",
            LedgerTable.Orders =>
                $"SELECT customer_key, {Day("order_date")}, {Scaled("amount")}, " +
                $"{StoredCodes.CaseExpression<OrderStatus>("status")}::int8 FROM sales_orders " +
                $"WHERE order_date <= @as_of{only} ORDER BY customer_id, order_date, order_id",
            LedgerTable.Interactions =>
                $"SELECT customer_key, {Day("event_date")}, {StoredCodes.CaseExpression<InteractionType>("type")}::int8 " +
                $"FROM interactions WHERE event_date <= @as_of{only} ORDER BY customer_id, event_date, event_id",
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };
    }

    public const string CopyAssessments =
        "COPY assessments (run_id, customer_id, as_of, grade, credit_score, pd, open_ar, overdue_ar, exposure, dso, " +
        "expected_loss, details) FROM STDIN (FORMAT BINARY)";

    public static readonly string LatestAssessments =
        $"SELECT DISTINCT ON (customer_id) customer_id, {Day("as_of")}, run_id::text, grade, credit_score::int8, " +
        $"(pd * 1000000000)::int8, {Scaled("open_ar")}, {Scaled("overdue_ar")}, {Scaled("exposure")}, {Scaled("dso")}, " +
        $"{Scaled("expected_loss")}, details::text FROM assessments WHERE as_of <= @as_of " +
        "ORDER BY customer_id, as_of DESC, assessment_id DESC";

    /// <summary>Each customer's newest grade on or before @as_of, picked as <see cref="LatestAssessments"/> picks.</summary>
    public const string LatestGrades =
        "SELECT DISTINCT ON (customer_id) customer_id, grade FROM assessments WHERE as_of <= @as_of " +
        "ORDER BY customer_id, as_of DESC, assessment_id DESC";

    /// <summary>Expert scores dated on or before @as_of (of @customer_id when given), in customer order.</summary>
    public static string ExpertScores(bool oneCustomer) =>
        $"SELECT customer_id, round::int8, expert_id, {StoredCodes.CaseExpression<ExpertCriterion>("criterion")}::int8, " +
        $"{Day("score_date")}, score::int8 FROM expert_scores WHERE score_date <= @as_of" +
        $"{(oneCustomer ? " AND customer_id = @customer_id" : string.Empty)} ORDER BY customer_id, round, expert_id, criterion";

    /// <summary>A column of the temporary table as the table's type (dates arrive as day numbers).</summary>
    private static string Typed(Column column) =>
        column.Kind == ColumnKind.Date ? $"({DayZero} + {column.Name}) AS {column.Name}" : column.Name;

    private static string Day(string column) => $"({column} - {DayZero})::int8";

    private static string Scaled(string column) => $"({column} * 10000)::int8";

    private static string TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "integer",
        ColumnKind.Date => "integer",
        ColumnKind.Money => "numeric(19,4)",
        _ => "text",
    };

    private static string Json<T>(string row, TableShape<T> shape) =>
        $"jsonb_build_object({string.Join(", ", shape.Columns.Select(c => $"'{c.Name}', {row}.{c.Name}"))})";
}
