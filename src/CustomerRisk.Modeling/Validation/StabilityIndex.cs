using CustomerRisk.Modeling.Binning;
using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Validation;

/// <summary>
/// Drift between a reference data set (usually the training data) and a recent one. PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ)
/// over bands, where eᵢ and aᵢ are the shares of reference and recent rows in band i; a share of 0 is taken as 0.0001
/// so the sum stays finite. Rule of thumb: below 0.1 stable, 0.1–0.25 watch, above 0.25 shifted.
/// </summary>
public static class StabilityIndex
{
    /// <summary>Share that stands in for an empty band.</summary>
    public const double EmptyShare = 1e-4;

    /// <summary>
    /// Population stability index of a score: bands are the reference scores' quantiles (<paramref name="bands"/>
    /// equal-frequency bands; tied scores share a band). At least 0.
    /// </summary>
    /// <param name="reference">Scores of the reference population.</param>
    /// <param name="recent">Scores of the recent population.</param>
    /// <param name="bands">Number of bands, 2 or more; 10 by default.</param>
    public static double Psi(ReadOnlySpan<double> reference, ReadOnlySpan<double> recent, int bands = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 2);
        if (reference.Length == 0 || recent.Length == 0)
        {
            throw new ArgumentException("Both populations need rows.");
        }

        var cuts = Cuts(reference, bands);
        var expected = new double[cuts.Length + 1];
        var actual = new double[cuts.Length + 1];
        foreach (var v in reference)
        {
            expected[WoeBinner.UpperBound(cuts, v)]++;
        }

        foreach (var v in recent)
        {
            actual[WoeBinner.UpperBound(cuts, v)]++;
        }

        return FromCounts(expected, actual);
    }

    /// <summary>The band boundaries PSI uses: the reference's quantiles at b/bands (b = 1 … bands − 1), leaving out
    /// the smallest value and repeats, ascending. A value v falls in band i when cuts[i − 1] ≤ v &lt; cuts[i].</summary>
    /// <param name="reference">Scores of the reference population, at least one.</param>
    /// <param name="bands">Number of bands, 2 or more.</param>
    public static double[] Cuts(ReadOnlySpan<double> reference, int bands = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 2);
        if (reference.Length == 0)
        {
            throw new ArgumentException("The reference population needs rows.", nameof(reference));
        }

        var sorted = reference.ToArray();
        Array.Sort(sorted);
        var breaks = new List<double>();
        for (var b = 1; b < bands; b++)
        {
            var cut = sorted[(int)((long)b * sorted.Length / bands)];
            if (cut > sorted[0] && (breaks.Count == 0 || cut > breaks[^1]))
            {
                breaks.Add(cut);
            }
        }

        return breaks.ToArray();
    }

    /// <summary>
    /// Characteristic stability index of one variable: PSI over the variable's bins. At least 0.
    /// </summary>
    /// <param name="binning">The variable's bins from the reference data (their counts are the reference shares).</param>
    /// <param name="recent">The same column in the recent data.</param>
    public static double Csi(VariableBinning binning, TableColumn recent)
    {
        ArgumentNullException.ThrowIfNull(binning);
        ArgumentNullException.ThrowIfNull(recent);
        var expected = new double[binning.Bins.Count + 1];
        var actual = new double[binning.Bins.Count + 1];
        for (var i = 0; i < binning.Bins.Count; i++)
        {
            expected[i] = binning.Bins[i].Count;
        }

        for (var r = 0; r < recent.RowCount; r++)
        {
            var bin = binning.BinIndexOf(recent, r);
            actual[bin < 0 ? ^1 : bin]++; // missing values with no missing bin in the reference form an extra band
        }

        return FromCounts(expected, actual);
    }

    /// <summary>PSI from band counts of the two populations.</summary>
    /// <param name="expected">Reference count per band.</param>
    /// <param name="actual">Recent count per band, same length.</param>
    public static double FromCounts(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        if (expected.Length != actual.Length)
        {
            throw new ArgumentException("Both populations need the same bands.");
        }

        double e = 0, a = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            e += expected[i];
            a += actual[i];
        }

        double psi = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == 0 && actual[i] == 0)
            {
                continue;
            }

            var es = Math.Max(expected[i] / e, EmptyShare);
            var @as = Math.Max(actual[i] / a, EmptyShare);
            psi += (@as - es) * Math.Log(@as / es);
        }

        return psi;
    }
}
