using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>A limit granted by a review names the review (credit_reviews.review_id) that decided it; null for a grant
/// made directly with `crisk limits grant`.</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000060_LimitGrantReview")]
public sealed class LimitGrantReview : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements { get; } =
    [
        "ALTER TABLE credit_limits ADD COLUMN review_id bigint NULL;",
    ];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE credit_limits DROP COLUMN review_id;");
    }
}
