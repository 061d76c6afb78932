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
}
