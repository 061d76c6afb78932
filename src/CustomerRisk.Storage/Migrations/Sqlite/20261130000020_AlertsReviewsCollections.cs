using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>The credit operations' tables on SQLite: alerts with their lifecycle, webhook subscriptions and the
/// delivery outbox with its attempts, periodic reviews, collection actions, promises to pay, and the register of
/// guarantees and collateral. Dates are day numbers, amounts integers in 1/10,000 units, instants ISO text.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000020_AlertsReviewsCollections")]
public sealed class AlertsReviewsCollections : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements => Statements;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "collateral", "payment_promises", "collection_actions", "credit_reviews", "webhook_attempts",
                     "webhook_deliveries", "webhook_subscriptions", "alerts",
                 })
        {
            migrationBuilder.Sql($"DROP TABLE {table};");
        }
    }

    private static readonly string[] Statements =
    [
        """
        CREATE TABLE alerts (
            alert_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            metric TEXT NOT NULL,
            threshold INTEGER,
            value INTEGER NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
            acknowledged_by TEXT,
            acknowledged_at TEXT,
            acknowledge_note TEXT,
            resolved_by TEXT,
            resolved_at TEXT,
            resolved_on INTEGER,
            resolution TEXT
        );
        """,
        // At most one open or acknowledged alert per customer and rule: a second run can never duplicate one.
        "CREATE UNIQUE INDEX ux_alerts_active ON alerts (customer_id, rule_id) WHERE status <> 'resolved';",
        "CREATE INDEX ix_alerts_status ON alerts (status, last_seen);",
        """
        CREATE TABLE webhook_subscriptions (
            subscription_id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            secret TEXT NOT NULL,
            active INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE webhook_deliveries (
            delivery_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions (subscription_id),
            event_type TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
            attempts INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            next_attempt_at TEXT NOT NULL,
            delivered_at TEXT,
            last_error TEXT
        );
        """,
        "CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at, delivery_id) WHERE status = 'pending';",
        """
        CREATE TABLE webhook_attempts (
            attempt_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (delivery_id),
            attempt INTEGER NOT NULL,
            attempted_at TEXT NOT NULL,
            status_code INTEGER,
            error TEXT,
            UNIQUE (delivery_id, attempt)
        );
        """,
        """
        CREATE TABLE credit_reviews (
            review_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            reviewed_on INTEGER NOT NULL,
            reviewer TEXT NOT NULL,
            decision TEXT NOT NULL,
            reason TEXT NOT NULL,
            new_limit INTEGER,
            new_terms_days INTEGER,
            recommended_decision TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            recommendation TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_credit_reviews_customer ON credit_reviews (customer_id, reviewed_on);",
        """
        CREATE TABLE collection_actions (
            action_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            action_date INTEGER NOT NULL,
            kind TEXT NOT NULL,
            acted_by TEXT NOT NULL,
            note TEXT,
            recorded_at TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_collection_actions_customer ON collection_actions (customer_id, action_date);",
        """
        CREATE TABLE payment_promises (
            promise_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            promised_on INTEGER NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            pay_by INTEGER NOT NULL,
            recorded_by TEXT NOT NULL,
            note TEXT,
            status TEXT NOT NULL CHECK (status IN ('open', 'kept', 'broken')),
            paid_amount INTEGER NOT NULL,
            settled_on INTEGER,
            recorded_at TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_payment_promises_customer ON payment_promises (customer_id, pay_by);",
        "CREATE INDEX ix_payment_promises_open ON payment_promises (pay_by) WHERE status = 'open';",
        """
        CREATE TABLE collateral (
            cover_id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            description TEXT,
            value INTEGER NOT NULL CHECK (value > 0),
            haircut INTEGER NOT NULL CHECK (haircut BETWEEN 0 AND 10000),
            valid_from INTEGER NOT NULL,
            expiry INTEGER,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        """,
        "CREATE INDEX ix_collateral_customer ON collateral (customer_id, valid_from);",
    ];
}
