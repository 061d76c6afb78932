using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Sqlite;

/// <summary>Users of the server and their API tokens (only a SHA-256 of each token), and an index for the sales
/// role's owner-scoped reads. Instants are ISO 8601 text, as elsewhere on SQLite.</summary>
[DbContext(typeof(SqliteRiskDbContext))]
[Migration("20261130000040_Users")]
public sealed class UsersAndTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE users (
                user_name TEXT NOT NULL PRIMARY KEY,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'credit_manager', 'analyst', 'collector', 'sales')),
                sales_owner TEXT,
                created_at TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE api_tokens (
                token_hash TEXT NOT NULL PRIMARY KEY,
                user_name TEXT NOT NULL REFERENCES users (user_name),
                label TEXT,
                created_at TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("CREATE INDEX ix_api_tokens_user_name ON api_tokens (user_name);");
        migrationBuilder.Sql("CREATE INDEX ix_customers_sales_owner ON customers (sales_owner);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_customers_sales_owner;");
        migrationBuilder.Sql("DROP TABLE api_tokens;");
        migrationBuilder.Sql("DROP TABLE users;");
    }
}
