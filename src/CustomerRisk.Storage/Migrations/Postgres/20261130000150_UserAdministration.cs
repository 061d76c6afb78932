using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>User administration: a user can be disabled (timestamptz; null while enabled) and carries a session
/// version that every change raises, so session cookies made before a change are refused. Users added before start at
/// version 0, enabled.</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000150_UserAdministration")]
public sealed class UserAdministration : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements { get; } =
    [
        "ALTER TABLE users ADD COLUMN disabled_at timestamptz;",
        "ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0;",
    ];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN session_version;");
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN disabled_at;");
    }
}
