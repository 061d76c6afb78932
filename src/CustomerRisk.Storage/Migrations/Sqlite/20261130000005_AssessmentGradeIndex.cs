using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>A covering index for each customer's latest grade, which every `assess` reads to tell whether the grade
/// was lowered. SQLite keeps the row id (assessment_id) in every index entry, so this index alone answers "newest grade per customer" without reading an assessment row and its details.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000005_AssessmentGradeIndex")]
public sealed class AssessmentGradeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE INDEX ix_assessments_latest_grade ON assessments (customer_id, as_of, grade);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_assessments_latest_grade;");
    }
}
