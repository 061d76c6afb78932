using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling;

/// <summary>
/// Rows of model inputs, row-major: value (r, f) at <c>r * Columns + f</c>. Numeric inputs hold their number;
/// categorical inputs hold the model's level code as a number; NaN means missing (also for a level the model never
/// saw). This is the shape every model scores.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps row-major values.</summary>
    /// <param name="values">Row-major values; length must be rows × columns. Kept, not copied.</param>
    /// <param name="rows">Number of rows, at least 0.</param>
    /// <param name="columns">Number of inputs per row, at least 1.</param>
    public FeatureMatrix(double[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"{values.Length} values do not make {rows} rows of {columns}.", nameof(values));
        }

        Values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The values, row-major.</summary>
    public double[] Values { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of inputs per row.</summary>
    public int Columns { get; }

    /// <summary>The inputs of one row.</summary>
    /// <param name="row">Row index, 0 to <see cref="Rows"/> − 1.</param>
    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>
    /// Lays out a table's columns in the order and coding of <paramref name="features"/>. Categorical values are
    /// matched to the model's levels by name; a level the model does not know becomes missing.
    /// </summary>
    /// <param name="table">The data.</param>
    /// <param name="features">The model's inputs.</param>
    /// <exception cref="ModelingDataException">A feature column is absent from the table.</exception>
    public static FeatureMatrix FromTable(ModelingTable table, IReadOnlyList<FeatureSpec> features)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(features);
        var rows = table.RowCount;
        var width = features.Count;
        var values = new double[(long)rows * width];
        for (var f = 0; f < width; f++)
        {
            var spec = features[f];
            if (!table.HasColumn(spec.Name))
            {
                throw new ModelingDataException($"The data has no column '{spec.Name}', which the model needs.");
            }

            var column = table.Column(spec.Name);
            if (spec.Kind == ColumnKind.Numeric)
            {
                if (column.Kind != ColumnKind.Numeric)
                {
                    if (column.MissingCount == column.RowCount)
                    {
                        for (var r = 0; r < rows; r++)
                        {
                            values[(r * width) + f] = double.NaN;
                        }

                        continue;
                    }

                    throw new ModelingDataException(
                        $"Column '{spec.Name}' holds text such as '{FirstText(column)}' where the model expects numbers.");
                }

                var numbers = column.Numbers;
                for (var r = 0; r < rows; r++)
                {
                    values[(r * width) + f] = numbers[r];
                }

                continue;
            }

            var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < spec.Levels.Count; i++)
            {
                lookup[spec.Levels[i]] = i;
            }

            for (var r = 0; r < rows; r++)
            {
                var text = column.TextAt(r);
                values[(r * width) + f] = text is not null && lookup.TryGetValue(text, out var code) ? code : double.NaN;
            }
        }

        return new FeatureMatrix(values, rows, width);
    }

    private static string FirstText(TableColumn column)
    {
        for (var r = 0; r < column.RowCount; r++)
        {
            if (column.TextAt(r) is { } text)
            {
                return text;
            }
        }

        return "";
    }
}
