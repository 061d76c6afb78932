using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations.Postgres;

/// <summary>Users of the server and their API tokens (only a SHA-256 of each token), and an index for the sales
/// role's owner-scoped reads. Users are reference data, not facts: under Citus they would be a reference table.</summary>
[DbContext(typeof(PostgresRiskDbContext))]
[Migration("20261130000040_Users")]
public sealed class UsersAndTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE users (
                user_name text COLLATE "C" NOT NULL PRIMARY KEY,
                password_hash text NOT NULL,
                role text NOT NULL CHECK (role IN ('admin', 'credit_manager', 'analyst', 'collector', 'sales')),
                sales_owner text,
                created_at timestamptz NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE api_tokens (
                token_hash text COLLATE "C" NOT NULL PRIMARY KEY,
                user_name text COLLATE "C" NOT NULL REFERENCES users (user_name),
                label text,
                created_at timestamptz NOT NULL
            );
            """);
        migrationBuilder.Sql("CREATE INDEX ix_api_tokens_user_name ON api_tokens (user_name);");
        migrationBuilder.Sql("CREATE INDEX ix_customers_sales_owner ON customers (sales_owner);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_customers_sales_owner;");
        migrationBuilder.Sql("DROP TABLE api_tokens, users;");
    }
}
