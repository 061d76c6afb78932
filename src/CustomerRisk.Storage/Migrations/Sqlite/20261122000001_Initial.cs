using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>The first SQLite schema. Written by hand (the EF design-time tools are not available here) as plain DDL,
/// because what makes reading fast (covering indexes in ledger order, a partial index) is clearest in SQL.
/// Dates are day numbers (DateOnly.DayNumber), amounts integers in 1/10,000 units.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements => Statements;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "assessments", "assessment_runs", "import_runs", "record_history", "expert_scores", "financials",
                     "interactions", "sales_orders", "claims", "payments", "invoices", "customers",
                 })
        {
            migrationBuilder.Sql($"DROP TABLE {table};");
        }
    }

    private static readonly string[] Statements =
    [
        """
        CREATE TABLE customers (
            customer_key INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            industry TEXT,
            region TEXT,
            sales_owner TEXT,
            annual_revenue INTEGER,
            credit_limit INTEGER,
            payment_terms_days INTEGER NOT NULL,
            product_focus TEXT,
            customer_since INTEGER
        );
        """,
        """
        CREATE TABLE invoices (
            invoice_key INTEGER PRIMARY KEY,
            invoice_id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            issue_date INTEGER NOT NULL,
            due_date INTEGER NOT NULL,
            amount INTEGER NOT NULL,
            currency TEXT
        );
        """,
        // Covering index in the order of cash application: the ledger reader walks it without touching the table.
        "CREATE INDEX ix_invoices_ledger ON invoices (customer_id, due_date, issue_date, invoice_id, customer_key, amount);",
        """
        CREATE TABLE payments (
            payment_key INTEGER PRIMARY KEY,
            payment_id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            payment_date INTEGER NOT NULL,
            amount INTEGER NOT NULL,
            invoice_id TEXT,
            invoice_key INTEGER
        );
        """,
        "CREATE INDEX ix_payments_ledger ON payments (customer_id, payment_date, payment_id, customer_key, amount, invoice_key);",
        // Payments that name an invoice not (yet) in the store; linked when it arrives.
        "CREATE INDEX ix_payments_unlinked ON payments (invoice_id) WHERE invoice_id IS NOT NULL AND invoice_key IS NULL;",
        """
        CREATE TABLE claims (
            claim_key INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            claim_date INTEGER NOT NULL,
            amount INTEGER NOT NULL,
            invoice_id TEXT,
            reason TEXT
        );
        """,
        "CREATE INDEX ix_claims_ledger ON claims (customer_id, claim_date, claim_id, customer_key, amount);",
        """
        CREATE TABLE sales_orders (
            order_key INTEGER PRIMARY KEY,
            order_id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            order_date INTEGER NOT NULL,
            amount INTEGER NOT NULL,
            status TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_sales_orders_ledger ON sales_orders (customer_id, order_date, order_id, customer_key, amount, status);",
        """
        CREATE TABLE interactions (
            event_key INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            event_date INTEGER NOT NULL,
            type TEXT NOT NULL,
            amount INTEGER,
            note TEXT
        );
        """,
        "CREATE INDEX ix_interactions_ledger ON interactions (customer_id, event_date, event_id, customer_key, type);",
        """
        CREATE TABLE financials (
            financial_key INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            period_end INTEGER NOT NULL,
            revenue INTEGER,
            net_income INTEGER,
            total_assets INTEGER,
            total_liabilities INTEGER,
            current_assets INTEGER,
            current_liabilities INTEGER,
            operating_cash_flow INTEGER,
            UNIQUE (customer_id, period_end)
        );
        """,
        """
        CREATE TABLE expert_scores (
            expert_score_key INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            customer_key INTEGER NOT NULL,
            round INTEGER NOT NULL,
            expert_id TEXT NOT NULL,
            criterion TEXT NOT NULL,
            score_date INTEGER NOT NULL,
            score INTEGER NOT NULL,
            UNIQUE (customer_id, round, expert_id, criterion)
        );
        """,
        """
        CREATE TABLE record_history (
            history_id INTEGER PRIMARY KEY,
            import_run_id TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_key TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            old_values TEXT NOT NULL,
            new_values TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_record_history_customer ON record_history (customer_id, changed_at);",
        "CREATE INDEX ix_record_history_record ON record_history (table_name, record_key);",
        """
        CREATE TABLE import_runs (
            import_run_id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            committed_at TEXT NOT NULL,
            inserted INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            unchanged INTEGER NOT NULL
        );
        """,
        """
        CREATE TABLE assessment_runs (
            run_id TEXT PRIMARY KEY,
            as_of INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            score_model TEXT NOT NULL,
            customers INTEGER NOT NULL
        );
        """,
        """
        CREATE TABLE assessments (
            assessment_id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES assessment_runs (run_id),
            customer_id TEXT NOT NULL,
            as_of INTEGER NOT NULL,
            grade TEXT NOT NULL,
            credit_score INTEGER,
            pd INTEGER,
            open_ar INTEGER NOT NULL,
            overdue_ar INTEGER NOT NULL,
            exposure INTEGER NOT NULL,
            dso INTEGER,
            expected_loss INTEGER,
            details TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_assessments_customer_as_of ON assessments (customer_id, as_of);",
        "CREATE INDEX ix_assessments_run ON assessments (run_id);",
    ];
}
