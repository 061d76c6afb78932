using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>API tokens get an expiry and a revocation instant; both null on the tokens issued before (they keep
/// working until revoked). Instants are timestamptz.</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000070_TokenExpiry")]
public sealed class TokenExpiry : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements { get; } =
    [
        "ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;",
        "ALTER TABLE api_tokens ADD COLUMN revoked_at timestamptz;",
    ];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE api_tokens DROP COLUMN revoked_at;");
        migrationBuilder.Sql("ALTER TABLE api_tokens DROP COLUMN expires_at;");
    }
}
