using System.Globalization;

namespace CustomerRisk.Modeling.Binning;

/// <summary>
/// One bin of a variable with its counts, weight of evidence and information value. Bad is the positive class, so a
/// positive WoE means a bin riskier than the population: WoE = ln((bads_i / Σbads) / (goods_i / Σgoods)), the
/// convention of the R <c>scorecard</c> package.
/// </summary>
/// <param name="Kind">Range, level group or missing.</param>
/// <param name="Lower">Inclusive lower bound of a range bin; −∞ for the first range; NaN for other kinds.</param>
/// <param name="Upper">Exclusive upper bound of a range bin; +∞ for the last range; NaN for other kinds.</param>
/// <param name="Levels">The levels of a level-group bin; empty for other kinds.</param>
/// <param name="Goods">Number of good rows in the bin, at least 0.</param>
/// <param name="Bads">Number of bad rows in the bin, at least 0.</param>
/// <param name="Woe">Weight of evidence, natural log units; 0 for an empty bin.</param>
/// <param name="InformationValue">The bin's share of the variable's IV, at least 0.</param>
public sealed record WoeBin(
    BinKind Kind,
    double Lower,
    double Upper,
    IReadOnlyList<string> Levels,
    int Goods,
    int Bads,
    double Woe,
    double InformationValue)
{
    /// <summary>Rows in the bin.</summary>
    public int Count => Goods + Bads;

    /// <summary>Share of bad rows in the bin, 0–1; NaN for an empty bin.</summary>
    public double BadRate => Count == 0 ? double.NaN : (double)Bads / Count;

    /// <summary>A readable label: <c>[1400,1800)</c>, <c>rent%,%own</c> or <c>missing</c>.</summary>
    public string Label => Kind switch
    {
        BinKind.Range => $"[{Bound(Lower)},{Bound(Upper)})",
        BinKind.Levels => string.Join("%,%", Levels),
        _ => "missing",
    };

    private static string Bound(double value) =>
        double.IsNegativeInfinity(value) ? "-Inf" : double.IsPositiveInfinity(value) ? "Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
