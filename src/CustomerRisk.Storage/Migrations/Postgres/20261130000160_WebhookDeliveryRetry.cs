using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>What an administrator needs to see and retry webhook deliveries: the attempts made before the latest
/// re-queue (a re-queued delivery gets the full attempt budget again, counted from there), each attempt's duration in
/// milliseconds (null for attempts made before), and indexes for listing a subscription's deliveries newest first,
/// by status, and counting them by status (GROUP BY) without reading the outbox.</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000160_WebhookDeliveryRetry")]
public sealed class WebhookDeliveryRetry : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements => Statements;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_webhook_deliveries_subscription_status;");
        migrationBuilder.Sql("DROP INDEX ix_webhook_deliveries_subscription;");
        migrationBuilder.Sql("ALTER TABLE webhook_attempts DROP COLUMN duration_ms;");
        migrationBuilder.Sql("ALTER TABLE webhook_deliveries DROP COLUMN attempts_before_retry;");
    }

    private static readonly string[] Statements =
    [
        "ALTER TABLE webhook_deliveries ADD COLUMN attempts_before_retry integer NOT NULL DEFAULT 0;",
        "ALTER TABLE webhook_attempts ADD COLUMN duration_ms integer;",
        "CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, delivery_id);",
        "CREATE INDEX ix_webhook_deliveries_subscription_status ON webhook_deliveries (subscription_id, status, delivery_id);",
    ];
}
