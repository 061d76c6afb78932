using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Binning;

/// <summary>
/// Screens candidate variables before binning, as R <c>scorecard::var_filter</c> does: a variable is dropped when it is
/// mostly missing, mostly one value, or carries too little information value.
/// </summary>
public static class VariableFilter
{
    /// <summary>Screens every column of the table except the target.</summary>
    /// <param name="table">The data.</param>
    /// <param name="targetColumn">The outcome column, which is not screened.</param>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <returns>One screen per column, in table order.</returns>
    public static IReadOnlyList<VariableScreen> Screen(
        ModelingTable table, string targetColumn, ReadOnlySpan<byte> labels, VariableFilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new VariableFilterOptions();
        var result = new List<VariableScreen>();
        foreach (var column in table.Columns)
        {
            if (column.Name == targetColumn)
            {
                continue;
            }

            var rows = Math.Max(1, column.RowCount);
            var missingRate = (double)column.MissingCount / rows;
            var binning = WoeBinner.BinEachValue(column, labels);
            var identical = binning.Bins.Count == 0 ? 0 : binning.Bins.Max(b => b.Count);
            var identicalRate = (double)identical / rows;
            var iv = binning.InformationValue;
            string? reason = missingRate > options.MaxMissingRate ? "missing_rate"
                : identicalRate > options.MaxIdenticalRate ? "identical_rate"
                : iv < options.MinInformationValue ? "info_value"
                : null;
            result.Add(new VariableScreen(column.Name, iv, missingRate, identicalRate, reason is null, reason));
        }

        return result;
    }
}
