using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>The models registry: each registered version of a trained model with its metrics and its whole model file,
/// and which one `assess` scores with. A partial unique index allows at most one active model. Instants are ISO 8601
/// text, as elsewhere on SQLite; metrics and the model file are JSON text.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000030_Models")]
public sealed class Models : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE risk_models (
                model_id TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                algorithm TEXT NOT NULL,
                created_at TEXT NOT NULL,
                training_data_sha256 TEXT NOT NULL,
                metrics TEXT NOT NULL,
                model_file TEXT NOT NULL,
                is_active INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
                PRIMARY KEY (model_id, version)
            );
            """);
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_risk_models_active ON risk_models (is_active) WHERE is_active = 1;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE risk_models;");
    }
}
