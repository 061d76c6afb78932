using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>The validation curves of a registered model (ROC points, calibration by decile, KS, AUC, Gini, Brier and
/// the validation sample's PD distribution for PSI), JSON text computed when the model was trained; null for a model
/// registered from a file alone (docs/modeling.md).</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000090_ModelValidationCurves")]
public sealed class ModelValidationCurves : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE risk_models ADD COLUMN validation_curves text NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE risk_models DROP COLUMN validation_curves;");
    }
}
