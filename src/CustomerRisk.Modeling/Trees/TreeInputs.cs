using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// Turns a table into tree inputs: numeric columns as they are, categorical columns as codes ordered by the level's
/// bad rate in the training data, so that a threshold split on the code groups levels of similar risk (the ordering
/// trick LightGBM and CART use for a binary outcome).
/// </summary>
public static class TreeInputs
{
    /// <summary>The feature list for a training table, categorical levels ordered by bad rate (lowest first).</summary>
    /// <param name="inputs">The input columns.</param>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    public static IReadOnlyList<FeatureSpec> Schema(ModelingTable inputs, ReadOnlySpan<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var features = new List<FeatureSpec>(inputs.Columns.Count);
        foreach (var column in inputs.Columns)
        {
            if (column.Kind == ColumnKind.Numeric)
            {
                features.Add(FeatureSpec.Numeric(column.Name));
                continue;
            }

            var bads = new double[column.Levels.Count];
            var counts = new double[column.Levels.Count];
            var codes = column.Codes;
            for (var r = 0; r < codes.Length; r++)
            {
                if (codes[r] >= 0)
                {
                    counts[codes[r]]++;
                    bads[codes[r]] += labels[r];
                }
            }

            // Levels seen in few rows are shrunk toward the overall rate so they do not land at an extreme.
            double overall = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                overall += labels[i];
            }

            overall /= Math.Max(1, labels.Length);
            var order = Enumerable.Range(0, column.Levels.Count)
                .OrderBy(l => (bads[l] + (10 * overall)) / (counts[l] + 10))
                .ThenBy(l => column.Levels[l], StringComparer.Ordinal)
                .Select(l => column.Levels[l])
                .ToList();
            features.Add(FeatureSpec.Categorical(column.Name, order));
        }

        return features;
    }
}
