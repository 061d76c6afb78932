using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>Maps an entity's properties, in declaration order, to snake_case column names (as RiskDbContext does for
/// the ledger tables).</summary>
internal static class OperationColumns
{
    public static void Map<T>(EntityTypeBuilder<T> entity, params string[] names) where T : class
    {
        var properties = typeof(T).GetProperties();
        if (properties.Length != names.Length)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has {properties.Length} properties, {names.Length} columns given.");
        }

        for (var i = 0; i < names.Length; i++)
        {
            entity.Property(properties[i].Name).HasColumnName(names[i]);
        }
    }
}
