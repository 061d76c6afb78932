using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerRisk.Storage.Schema;

/// <summary>The migration ids of a context, found the way EF finds them (attributes), so that opening a store that is
/// already up to date skips building the EF model (a few hundred milliseconds on every command).</summary>
internal static class KnownMigrations
{
    public static IReadOnlyList<string> Of<TContext>() => typeof(KnownMigrations).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToArray();
}
