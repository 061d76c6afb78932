using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>User administration: a user can be disabled (the instant, ISO 8601 text; null while enabled) and carries a
/// session version that every change raises, so session cookies made before a change are refused. Users added before
/// start at version 0, enabled.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000150_UserAdministration")]
public sealed class UserAdministration : SqlMigration
{
    protected override IReadOnlyList<string> UpStatements { get; } =
    [
        "ALTER TABLE users ADD COLUMN disabled_at TEXT;",
        "ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;",
    ];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN session_version;");
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN disabled_at;");
    }
}
