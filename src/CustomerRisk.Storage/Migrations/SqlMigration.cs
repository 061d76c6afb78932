using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Migrations;

/// <summary>A hand-written migration whose Up is a list of plain SQL statements, run in order (the EF design-time
/// tools are not available here, and what makes the schema fast is clearest in SQL).</summary>
public abstract class SqlMigration : Migration
{
    /// <summary>The statements of the migration, in the order they run.</summary>
    protected abstract IReadOnlyList<string> UpStatements { get; }

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in UpStatements)
        {
            migrationBuilder.Sql(statement);
        }
    }
}
