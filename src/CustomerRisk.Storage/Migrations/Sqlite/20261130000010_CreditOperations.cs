using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>Credit operations on SQLite: policies as versioned data, granted limits, recorded order checks, the cache
/// of per-customer ledger figures, and the audit chain with its head. The audit table refuses UPDATE and DELETE by
/// trigger; the hash chain is what shows it when someone gets round that (docs/operations.md).</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000010_CreditOperations")]
public sealed class CreditOperations : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements => Statements;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "audit_head", "audit_log", "credit_figures", "order_checks", "credit_limits", "policies" })
        {
            migrationBuilder.Sql($"DROP TABLE {table};");
        }
    }

    private static readonly string[] Statements =
    [
        """
        CREATE TABLE policies (
            policy_id INTEGER PRIMARY KEY,
            version TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            policy_text TEXT NOT NULL,
            source_name TEXT NOT NULL,
            loaded_at TEXT NOT NULL,
            loaded_by TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 0
        );
        """,
        // At most one active policy, enforced by the database.
        "CREATE UNIQUE INDEX ux_policies_active ON policies (active) WHERE active = 1;",
        "CREATE INDEX ix_policies_version ON policies (version, policy_id);",
        """
        CREATE TABLE credit_limits (
            limit_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount >= 0),
            kind TEXT NOT NULL CHECK (kind IN ('standing', 'temporary')),
            valid_from INTEGER NOT NULL,
            valid_to INTEGER,
            approver TEXT NOT NULL,
            reason TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            CHECK (valid_to IS NULL OR valid_to >= valid_from),
            CHECK (kind = 'standing' OR valid_to IS NOT NULL)
        );
        """,
        "CREATE INDEX ix_credit_limits_customer ON credit_limits (customer_id, limit_id);",
        """
        CREATE TABLE order_checks (
            check_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            order_id TEXT NOT NULL,
            amount INTEGER NOT NULL,
            as_of INTEGER NOT NULL,
            checked_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('approve', 'review', 'block')),
            reasons TEXT NOT NULL,
            grade TEXT NOT NULL,
            open_ar INTEGER NOT NULL,
            open_orders INTEGER NOT NULL,
            exposure INTEGER NOT NULL,
            credit_limit INTEGER,
            limit_source TEXT NOT NULL,
            oldest_dpd INTEGER NOT NULL,
            policy_version TEXT NOT NULL,
            counts_open INTEGER NOT NULL
        );
        """,
        "CREATE INDEX ix_order_checks_customer ON order_checks (customer_id, check_id);",
        // The approved orders that still count as open exposure: what every check of the customer sums.
        "CREATE INDEX ix_order_checks_open ON order_checks (customer_id, order_id, amount) WHERE counts_open = 1;",
        """
        CREATE TABLE credit_figures (
            customer_id TEXT PRIMARY KEY,
            as_of INTEGER NOT NULL,
            generation INTEGER NOT NULL,
            policy_version TEXT NOT NULL,
            grade TEXT NOT NULL,
            open_ar INTEGER NOT NULL,
            overdue_ar INTEGER NOT NULL,
            oldest_dpd INTEGER NOT NULL,
            imported_open_orders INTEGER NOT NULL,
            imported_credit_limit INTEGER,
            sales_12m INTEGER NOT NULL,
            annual_revenue INTEGER
        );
        """,
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            customer_id TEXT,
            before_json TEXT,
            after_json TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_audit_log_customer ON audit_log (customer_id, seq) WHERE customer_id IS NOT NULL;",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
        """
        CREATE TABLE audit_head (
            head_id INTEGER PRIMARY KEY CHECK (head_id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL
        );
        """,
        "INSERT INTO audit_head (head_id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');",
    ];
}
