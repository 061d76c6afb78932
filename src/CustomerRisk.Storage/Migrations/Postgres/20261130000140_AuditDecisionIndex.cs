using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>An index of the audit records that change what an assessment computes (limit grants, reviews, covers,
/// policy loads), so the server's caches can ask for the newest of them at once instead of keying on the whole chain,
/// which every order check and sign-in moves (AssessFromStore.DecisionActions; the query is right without it).</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000140_AuditDecisionIndex")]
public sealed class AuditDecisionIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            "CREATE INDEX ix_audit_log_decisions ON audit_log (seq) WHERE action IN ('limit.grant', 'review.record', 'collateral.add', 'policy.load');");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_audit_log_decisions;");
    }
}
