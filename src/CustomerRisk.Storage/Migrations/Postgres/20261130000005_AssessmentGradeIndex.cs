using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>A covering index for each customer's latest grade, which every `assess` reads to tell whether the grade
/// was lowered. In the order of the DISTINCT ON query, with the grade included, so PostgreSQL answers "newest grade per customer" by an index-only scan.</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000005_AssessmentGradeIndex")]
public sealed class AssessmentGradeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE INDEX ix_assessments_latest_grade ON assessments (customer_id, as_of DESC, assessment_id DESC) INCLUDE (grade);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_assessments_latest_grade;");
    }
}
