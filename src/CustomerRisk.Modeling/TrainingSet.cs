using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling;

/// <summary>
/// Candidate inputs and the outcome of a training run, checked for the faults that make training meaningless: a
/// target that is not binary, an input with no values, an input with one value in every row, more inputs than rows.
/// </summary>
/// <param name="Inputs">The candidate input columns (the table without the target).</param>
/// <param name="Target">The outcome labels.</param>
/// <param name="TargetColumn">The name of the outcome column.</param>
public sealed record TrainingSet(ModelingTable Inputs, BinaryTarget Target, string TargetColumn)
{
    /// <summary>Separates the target from the inputs and checks both.</summary>
    /// <param name="table">The data.</param>
    /// <param name="targetColumn">Name of the outcome column.</param>
    /// <param name="positive">The target value that counts as bad ("1" by default).</param>
    /// <exception cref="ModelingDataException">The target is absent or not binary; an input is all missing or
    /// constant; there are no inputs; or there are more inputs than rows.</exception>
    public static TrainingSet From(ModelingTable table, string targetColumn, string positive = "1")
    {
        ArgumentNullException.ThrowIfNull(table);
        var target = BinaryTarget.FromColumn(table.Column(targetColumn), positive);
        var inputs = table.Without(targetColumn);
        if (inputs.Columns.Count == 0)
        {
            throw new ModelingDataException("The data has no input columns besides the target.");
        }

        if (inputs.Columns.Count >= table.RowCount)
        {
            throw new ModelingDataException(
                $"The data has {inputs.Columns.Count} input columns but only {table.RowCount} rows; a model needs more rows than inputs.");
        }

        foreach (var column in inputs.Columns)
        {
            if (column.MissingCount == column.RowCount)
            {
                throw new ModelingDataException($"Column '{column.Name}' has no values: every row is missing. Drop it.");
            }

            if (IsConstant(column))
            {
                throw new ModelingDataException(
                    $"Column '{column.Name}' holds the same value '{FirstValue(column)}' in every row and cannot tell good from bad. Drop it.");
            }
        }

        return new TrainingSet(inputs, target, targetColumn);
    }

    /// <summary>Columns with no values or one value in every row (the ones <see cref="From"/> refuses).</summary>
    internal static string[] Uninformative(ModelingTable table, string targetColumn) =>
        table.Columns.Where(c => c.Name != targetColumn && (c.MissingCount == c.RowCount || IsConstant(c))).Select(c => c.Name).ToArray();

    private static bool IsConstant(TableColumn column)
    {
        if (column.MissingCount > 0)
        {
            return false; // missing versus present is information
        }

        if (column.Kind == ColumnKind.Numeric)
        {
            var numbers = column.Numbers;
            for (var r = 1; r < numbers.Length; r++)
            {
                if (numbers[r] != numbers[0])
                {
                    return false;
                }
            }

            return true;
        }

        var codes = column.Codes;
        for (var r = 1; r < codes.Length; r++)
        {
            if (codes[r] != codes[0])
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstValue(TableColumn column) => column.TextAt(0) ?? "";
}
