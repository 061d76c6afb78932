namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// Inputs cut into at most 255 value bins per feature plus bin 0 for missing, one byte per value, column by column:
/// the form histogram tree growing works on. Value bins follow the feature's quantiles; when a feature has fewer
/// distinct values than bins, each value has its own bin. Cut points lie midway between neighbouring distinct values,
/// and a value v falls in bin 1 + (number of cuts below v), so "bin ≤ s" is the same test as "v ≤ cut[s − 1]".
/// </summary>
internal sealed class BinnedFeatures
{
    public const int MaxValueBins = 255;

    private BinnedFeatures(byte[][] bins, double[][] cuts, int rows)
    {
        Bins = bins;
        Cuts = cuts;
        Rows = rows;
        BinCount = new int[cuts.Length];
        HistogramOffset = new int[cuts.Length];
        var offset = 0;
        for (var f = 0; f < cuts.Length; f++)
        {
            BinCount[f] = cuts[f].Length + 2; // missing bin + value bins
            HistogramOffset[f] = offset;
            offset += BinCount[f];
        }

        TotalBins = offset;
    }

    /// <summary>Bin of each row, per feature: Bins[f][r].</summary>
    public byte[][] Bins { get; }

    /// <summary>Cut points per feature, ascending; value bins = cuts + 1.</summary>
    public double[][] Cuts { get; }

    /// <summary>Bins per feature including the missing bin 0.</summary>
    public int[] BinCount { get; }

    /// <summary>Where each feature's bins start in a histogram.</summary>
    public int[] HistogramOffset { get; }

    public int TotalBins { get; }

    public int Rows { get; }

    public int Features => Cuts.Length;

    public static BinnedFeatures Fit(FeatureMatrix matrix, int maxValueBins)
    {
        var cuts = new double[matrix.Columns][];
        Parallel.For(0, matrix.Columns, f => cuts[f] = FindCuts(matrix, f, maxValueBins));
        return Apply(matrix, cuts);
    }

    public static BinnedFeatures Apply(FeatureMatrix matrix, double[][] cuts)
    {
        var bins = new byte[cuts.Length][];
        Parallel.For(0, cuts.Length, f =>
        {
            var column = new byte[matrix.Rows];
            var values = matrix.Values;
            var width = matrix.Columns;
            var c = cuts[f];
            for (var r = 0; r < matrix.Rows; r++)
            {
                column[r] = BinOf(c, values[(r * width) + f]);
            }

            bins[f] = column;
        });
        return new BinnedFeatures(bins, cuts, matrix.Rows);
    }

    public static byte BinOf(double[] cuts, double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cuts[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (byte)(lo + 1);
    }

    private static double[] FindCuts(FeatureMatrix matrix, int f, int maxValueBins)
    {
        var values = new double[matrix.Rows];
        var n = 0;
        var all = matrix.Values;
        var width = matrix.Columns;
        for (var r = 0; r < matrix.Rows; r++)
        {
            var v = all[(r * width) + f];
            if (!double.IsNaN(v))
            {
                values[n++] = v;
            }
        }

        if (n == 0)
        {
            return [];
        }

        Array.Sort(values, 0, n);
        var distinct = new List<(double Value, int Count)>();
        for (var i = 0; i < n; i++)
        {
            if (distinct.Count > 0 && distinct[^1].Value == values[i])
            {
                distinct[^1] = (values[i], distinct[^1].Count + 1);
            }
            else
            {
                distinct.Add((values[i], 1));
            }
        }

        var cuts = new List<double>();
        if (distinct.Count <= maxValueBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
            {
                cuts.Add(Midpoint(distinct[i].Value, distinct[i + 1].Value));
            }

            return [.. cuts];
        }

        // Equal-frequency bins over rows; a heavy single value closes its bin on its own.
        var perBin = (double)n / maxValueBins;
        long seen = 0;
        for (var i = 0; i + 1 < distinct.Count && cuts.Count < maxValueBins - 1; i++)
        {
            seen += distinct[i].Count;
            if (seen >= perBin * (cuts.Count + 1))
            {
                cuts.Add(Midpoint(distinct[i].Value, distinct[i + 1].Value));
            }
        }

        return [.. cuts];
    }

    private static double Midpoint(double a, double b)
    {
        var mid = a + ((b - a) / 2);
        return mid < b ? mid : a; // a cut equal to b would put b in the lower bin
    }
}
