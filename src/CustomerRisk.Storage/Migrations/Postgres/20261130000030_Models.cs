using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>The models registry: each registered version of a trained model with its metrics and its whole model file,
/// and which one `assess` scores with. A partial unique index allows at most one active model. Metrics and the model
/// file are kept as text holding JSON, byte for byte as registered. The table holds no customer data, so it carries no
/// customer_id (under Citus it is a reference table).</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000030_Models")]
public sealed class Models : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE risk_models (
                model_id text COLLATE "C" NOT NULL,
                version integer NOT NULL CHECK (version >= 1),
                algorithm text NOT NULL,
                created_at timestamptz NOT NULL,
                training_data_sha256 text NOT NULL,
                metrics text NOT NULL,
                model_file text NOT NULL,
                is_active boolean NOT NULL DEFAULT false,
                PRIMARY KEY (model_id, version)
            );
            """);
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_risk_models_active ON risk_models (is_active) WHERE is_active;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE risk_models;");
    }
}
