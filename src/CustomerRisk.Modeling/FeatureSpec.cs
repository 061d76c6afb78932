using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling;

/// <summary>
/// One input of a model: its column name, kind and, for a categorical input, the levels in the order the model codes
/// them (code = index in <see cref="Levels"/>).
/// </summary>
/// <param name="Name">The column name the model reads.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Levels">Levels of a categorical input in code order; empty for a numeric input.</param>
public sealed record FeatureSpec(string Name, ColumnKind Kind, IReadOnlyList<string> Levels)
{
    /// <summary>A numeric input.</summary>
    /// <param name="name">Column name.</param>
    public static FeatureSpec Numeric(string name) => new(name, ColumnKind.Numeric, []);

    /// <summary>A categorical input with its levels in code order.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="levels">Level names; the code of a level is its index.</param>
    public static FeatureSpec Categorical(string name, IReadOnlyList<string> levels) => new(name, ColumnKind.Categorical, levels);
}
