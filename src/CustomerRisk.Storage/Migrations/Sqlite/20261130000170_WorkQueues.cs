using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>The kept work queues (the review queue, the collection worklist; Storage/WorkQueues): a list's rows for
/// an as-of date, paged by a rank key whose byte order is the list's order, and its head with the state of the
/// database the rows were computed from. Dates are day numbers, amounts invariant decimal text. An index of the open
/// or acknowledged extreme alerts, whose set is part of that state and read on every request, and of the audit records of
/// the decisions each list is keyed on.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000170_WorkQueues")]
public sealed class WorkQueues : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements => Statements;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_audit_log_worklist;");
        migrationBuilder.Sql("DROP INDEX ix_audit_log_review_queue;");
        migrationBuilder.Sql("DROP INDEX ix_alerts_extreme_active;");
        migrationBuilder.Sql("DROP TABLE work_queue_rows;");
        migrationBuilder.Sql("DROP TABLE work_queue_heads;");
    }

    private static readonly string[] Statements =
    [
        """
        CREATE TABLE work_queue_heads (
            list TEXT NOT NULL,
            as_of INTEGER NOT NULL,
            data_version TEXT NOT NULL,
            alerts_version TEXT NOT NULL,
            decision_seq INTEGER NOT NULL,
            total_amount TEXT NOT NULL,
            built_at TEXT NOT NULL,
            PRIMARY KEY (list, as_of)
        );
        """,
        """
        CREATE TABLE work_queue_rows (
            list TEXT NOT NULL,
            as_of INTEGER NOT NULL,
            customer_id TEXT NOT NULL,
            flagged INTEGER NOT NULL,
            rank_key TEXT NOT NULL,
            amount TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (list, as_of, customer_id)
        );
        """,
        "CREATE INDEX ix_work_queue_rows_rank ON work_queue_rows (list, as_of, rank_key);",
        "CREATE INDEX ix_work_queue_rows_flagged ON work_queue_rows (list, as_of, flagged, rank_key);",
        "CREATE INDEX ix_alerts_extreme_active ON alerts (alert_id) WHERE severity = 'extreme' AND status <> 'resolved';",
        // The decisions of each list (ReviewQueue.Decisions, WorklistQueue.Decisions, in that order: SQLite uses a
        // partial index only for a query with the same terms), so the newest one and those after a kept list are found
        // without reading the order checks and sign-ins of the audit trail, which are most of it.
        "CREATE INDEX ix_audit_log_review_queue ON audit_log (seq) WHERE action IN ('review.record', 'alert.acknowledge', 'alert.resolve');",
        "CREATE INDEX ix_audit_log_worklist ON audit_log (seq) WHERE action IN ('collateral.add');",
    ];
}
