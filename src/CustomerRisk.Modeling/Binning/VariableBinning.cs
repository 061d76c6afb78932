using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Binning;

/// <summary>
/// The bins of one variable. Range bins come first in ascending order, or level-group bins; the missing bin, when
/// there is one, comes last. Immutable.
/// </summary>
/// <param name="Variable">The column name.</param>
/// <param name="Kind">Whether the column is numeric or categorical.</param>
/// <param name="Bins">The bins.</param>
public sealed record VariableBinning(string Variable, ColumnKind Kind, IReadOnlyList<WoeBin> Bins)
{
    /// <summary>The variable's information value: the sum of its bins' IV, at least 0. Below 0.02 is commonly taken as
    /// no predictive power, 0.1–0.3 as medium and above 0.3 as strong.</summary>
    public double InformationValue => Bins.Sum(b => b.InformationValue);

    /// <summary>Index of the missing bin, or -1 when the training data had no missing value.</summary>
    public int MissingBinIndex
    {
        get
        {
            for (var i = 0; i < Bins.Count; i++)
            {
                if (Bins[i].Kind == BinKind.Missing)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>The bin a number falls in: the range bin with Lower ≤ value &lt; Upper, or the missing bin for NaN.</summary>
    /// <param name="value">The value; NaN for missing.</param>
    /// <returns>Bin index, or -1 when the value is missing and the binning has no missing bin.</returns>
    public int BinIndexOf(double value)
    {
        if (double.IsNaN(value))
        {
            return MissingBinIndex;
        }

        for (var i = 0; i < Bins.Count; i++)
        {
            var bin = Bins[i];
            if (bin.Kind == BinKind.Range && value >= bin.Lower && value < bin.Upper)
            {
                return i;
            }
        }

        return MissingBinIndex;
    }

    /// <summary>The bin a categorical level falls in; a missing or unknown level goes to the missing bin.</summary>
    /// <param name="level">The level name, or null for missing.</param>
    /// <returns>Bin index, or -1 when the level is missing or unknown and the binning has no missing bin.</returns>
    public int BinIndexOf(string? level)
    {
        if (level is not null)
        {
            for (var i = 0; i < Bins.Count; i++)
            {
                var levels = Bins[i].Levels;
                for (var j = 0; j < levels.Count; j++)
                {
                    if (string.Equals(levels[j], level, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }
            }
        }

        return MissingBinIndex;
    }

    /// <summary>The bin of a table column's value in one row.</summary>
    /// <param name="column">A column of the same kind as the binning.</param>
    /// <param name="row">Row index.</param>
    public int BinIndexOf(TableColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind == ColumnKind.Numeric && Kind == ColumnKind.Numeric
            ? BinIndexOf(column.Numbers[row])
            : BinIndexOf(column.TextAt(row));
    }
}
