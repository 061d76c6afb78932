using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Binning;

/// <summary>
/// Cuts a column into bins and computes each bin's weight of evidence (WoE) and information value (IV) against a
/// binary outcome. A zero good or bad count in a bin is replaced by 0.99 before the class distributions are
/// normalised, the rule of the R <c>scorecard</c> package, so every WoE is finite.
/// </summary>
public static class WoeBinner
{
    /// <summary>Count that stands in for a zero cell (R <c>scorecard</c>).</summary>
    public const double ZeroCellSubstitute = 0.99;

    /// <summary>
    /// Optimal monotonic binning: numeric columns are cut into equal-frequency pre-bins, small bins are merged into
    /// their closest neighbour until each holds <see cref="BinningOptions.MinBinShare"/>, neighbours breaking a
    /// monotonic bad rate are merged, and the most similar neighbours (smallest chi-square) are merged down to
    /// <see cref="BinningOptions.MaxBins"/>. Categorical levels are ordered by bad rate and merged the same way.
    /// Missing values get a bin of their own.
    /// </summary>
    /// <param name="column">The variable.</param>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="options">Binning settings; defaults when null.</param>
    /// <exception cref="ModelingDataException">The column is all missing or constant.</exception>
    public static VariableBinning Bin(TableColumn column, ReadOnlySpan<byte> labels, BinningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        options ??= new BinningOptions();
        options.Validate();
        CheckUsable(column, labels);
        var minCount = (int)Math.Ceiling(options.MinBinShare * column.RowCount);
        if (column.Kind == ColumnKind.Numeric)
        {
            var groups = DistinctGroups(column.Numbers, labels, out var missingGoods, out var missingBads);
            groups = PreBin(groups, options.FineBins);
            MergeSmall(groups, minCount);
            groups = Shape(groups, options, missingGoods, missingBads);
            return Finish(column, groups, missingGoods, missingBads);
        }

        var levels = LevelGroups(column, labels, out var mg, out var mb);
        levels.Sort((a, b) => a.BadRate.CompareTo(b.BadRate));
        MergeSmall(levels, minCount);
        MergeMostSimilar(levels, options.MaxBins);
        return Finish(column, levels, mg, mb);
    }

    /// <summary>
    /// Bins a numeric column at given breaks: bins are left-closed, [−∞, b1), [b1, b2), …, [bk, +∞), plus a missing bin
    /// when there are missing values. Empty bins are kept.
    /// </summary>
    /// <param name="column">A numeric variable.</param>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="breaks">Break points, strictly ascending and finite.</param>
    /// <exception cref="ArgumentException">Breaks are not strictly ascending, or the column is not numeric.</exception>
    public static VariableBinning BinAtBreaks(TableColumn column, ReadOnlySpan<byte> labels, IReadOnlyList<double> breaks)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(breaks);
        if (column.Kind != ColumnKind.Numeric)
        {
            throw new ArgumentException($"Column '{column.Name}' is not numeric; breaks apply to numbers.", nameof(column));
        }

        CheckLength(column, labels);
        for (var i = 0; i < breaks.Count; i++)
        {
            if (!double.IsFinite(breaks[i]) || (i > 0 && breaks[i] <= breaks[i - 1]))
            {
                throw new ArgumentException("Breaks must be finite and strictly ascending.", nameof(breaks));
            }
        }

        var groups = new List<Group>(breaks.Count + 1);
        groups.Add(new Group(double.NegativeInfinity));
        foreach (var b in breaks)
        {
            groups.Add(new Group(b));
        }

        var numbers = column.Numbers;
        int missingGoods = 0, missingBads = 0;
        var sorted = breaks.ToArray();
        for (var r = 0; r < numbers.Length; r++)
        {
            var v = numbers[r];
            if (double.IsNaN(v))
            {
                if (labels[r] == 1) { missingBads++; } else { missingGoods++; }
                continue;
            }

            var g = groups[UpperBound(sorted, v)];
            if (labels[r] == 1) { g.Bads++; } else { g.Goods++; }
        }

        return Finish(column, groups, missingGoods, missingBads);
    }

    /// <summary>
    /// One bin per distinct value (numbers included) plus a missing bin: the grouping of R <c>scorecard::iv</c>.
    /// </summary>
    /// <param name="column">The variable.</param>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    public static VariableBinning BinEachValue(TableColumn column, ReadOnlySpan<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(column);
        CheckLength(column, labels);
        if (column.Kind == ColumnKind.Numeric)
        {
            var groups = DistinctGroups(column.Numbers, labels, out var missingGoods, out var missingBads);
            return Finish(column, groups, missingGoods, missingBads);
        }

        var levels = LevelGroups(column, labels, out var mg, out var mb);
        return Finish(column, levels, mg, mb);
    }

    /// <summary>
    /// Information value with one group per distinct value and the 0.99 rule; reproduces R
    /// <c>scorecard::iv</c>. At least 0.
    /// </summary>
    /// <param name="column">The variable.</param>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    public static double InformationValue(TableColumn column, ReadOnlySpan<byte> labels) =>
        BinEachValue(column, labels).InformationValue;

    /// <summary>
    /// Weights of evidence and IV contributions for bins given by their counts, with the 0.99 rule for zero cells.
    /// </summary>
    /// <param name="goods">Good count per bin.</param>
    /// <param name="bads">Bad count per bin.</param>
    /// <param name="woe">Receives WoE per bin (natural log); 0 for a bin with no rows.</param>
    /// <param name="iv">Receives IV contribution per bin, at least 0; 0 for a bin with no rows.</param>
    public static void WeightsOfEvidence(ReadOnlySpan<int> goods, ReadOnlySpan<int> bads, Span<double> woe, Span<double> iv)
    {
        double totalGoods = 0, totalBads = 0;
        for (var i = 0; i < goods.Length; i++)
        {
            if (goods[i] + bads[i] == 0)
            {
                continue;
            }

            totalGoods += goods[i] == 0 ? ZeroCellSubstitute : goods[i];
            totalBads += bads[i] == 0 ? ZeroCellSubstitute : bads[i];
        }

        for (var i = 0; i < goods.Length; i++)
        {
            if (goods[i] + bads[i] == 0)
            {
                woe[i] = 0;
                iv[i] = 0;
                continue;
            }

            var pBad = (bads[i] == 0 ? ZeroCellSubstitute : bads[i]) / totalBads;
            var pGood = (goods[i] == 0 ? ZeroCellSubstitute : goods[i]) / totalGoods;
            woe[i] = Math.Log(pBad / pGood);
            iv[i] = (pBad - pGood) * woe[i];
        }
    }

    internal static void CheckUsable(TableColumn column, ReadOnlySpan<byte> labels)
    {
        CheckLength(column, labels);
        if (column.MissingCount == column.RowCount)
        {
            throw new ModelingDataException($"Column '{column.Name}' has no values: every row is missing. Drop it.");
        }
    }

    private static void CheckLength(TableColumn column, ReadOnlySpan<byte> labels)
    {
        if (labels.Length != column.RowCount)
        {
            throw new ArgumentException($"{labels.Length} labels for {column.RowCount} rows of '{column.Name}'.", nameof(labels));
        }
    }

    /// <summary>Index of the first break greater than <paramref name="value"/>: the left-closed bin of the value.</summary>
    internal static int UpperBound(double[] breaks, double value)
    {
        int lo = 0, hi = breaks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (breaks[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static List<Group> DistinctGroups(ReadOnlySpan<double> numbers, ReadOnlySpan<byte> labels, out int missingGoods, out int missingBads)
    {
        var values = new double[numbers.Length];
        var bad = new byte[numbers.Length];
        var n = 0;
        missingGoods = 0;
        missingBads = 0;
        for (var r = 0; r < numbers.Length; r++)
        {
            if (double.IsNaN(numbers[r]))
            {
                if (labels[r] == 1) { missingBads++; } else { missingGoods++; }
                continue;
            }

            values[n] = numbers[r];
            bad[n] = labels[r];
            n++;
        }

        Array.Sort(values, bad, 0, n);
        var groups = new List<Group>();
        for (var i = 0; i < n; i++)
        {
            if (groups.Count == 0 || values[i] != groups[^1].Lower)
            {
                groups.Add(new Group(values[i]));
            }

            if (bad[i] == 1) { groups[^1].Bads++; } else { groups[^1].Goods++; }
        }

        return groups;
    }

    private static List<Group> LevelGroups(TableColumn column, ReadOnlySpan<byte> labels, out int missingGoods, out int missingBads)
    {
        var goods = new int[column.Levels.Count];
        var bads = new int[column.Levels.Count];
        missingGoods = 0;
        missingBads = 0;
        var codes = column.Codes;
        for (var r = 0; r < codes.Length; r++)
        {
            var c = codes[r];
            if (c < 0)
            {
                if (labels[r] == 1) { missingBads++; } else { missingGoods++; }
            }
            else if (labels[r] == 1)
            {
                bads[c]++;
            }
            else
            {
                goods[c]++;
            }
        }

        var groups = new List<Group>();
        for (var c = 0; c < goods.Length; c++)
        {
            if (goods[c] + bads[c] > 0)
            {
                groups.Add(new Group(double.NaN) { Goods = goods[c], Bads = bads[c], Levels = [column.Levels[c]] });
            }
        }

        return groups;
    }

    private static List<Group> PreBin(List<Group> distinct, int fineBins)
    {
        if (distinct.Count <= fineBins)
        {
            return distinct;
        }

        long total = 0;
        foreach (var g in distinct)
        {
            total += g.Count;
        }

        // Equal-frequency cuts over the rows; a cut falls at a distinct value so tied values share a bin.
        var result = new List<Group>(fineBins);
        var target = (double)total / fineBins;
        long seen = 0;
        Group? current = null;
        foreach (var g in distinct)
        {
            if (current is null || seen >= target * (result.Count))
            {
                current = new Group(g.Lower);
                result.Add(current);
            }

            current.Goods += g.Goods;
            current.Bads += g.Bads;
            seen += g.Count;
        }

        return result;
    }

    private static void MergeSmall(List<Group> groups, int minCount)
    {
        while (groups.Count > 1)
        {
            var smallest = -1;
            for (var i = 0; i < groups.Count; i++)
            {
                if (groups[i].Count < minCount && (smallest < 0 || groups[i].Count < groups[smallest].Count))
                {
                    smallest = i;
                }
            }

            if (smallest < 0)
            {
                return;
            }

            int other;
            if (smallest == 0)
            {
                other = 1;
            }
            else if (smallest == groups.Count - 1)
            {
                other = smallest - 1;
            }
            else
            {
                var rate = groups[smallest].BadRate;
                other = Math.Abs(groups[smallest - 1].BadRate - rate) <= Math.Abs(groups[smallest + 1].BadRate - rate)
                    ? smallest - 1
                    : smallest + 1;
            }

            MergeAt(groups, Math.Min(smallest, other));
        }
    }

    private static List<Group> Shape(List<Group> groups, BinningOptions options, int missingGoods, int missingBads)
    {
        if (options.Shape == BinShape.Free || groups.Count <= 2)
        {
            MergeMostSimilar(groups, options.MaxBins);
            return groups;
        }

        var best = Monotone(groups, rising: true, options.MaxBins);
        var bestIv = Iv(best, missingGoods, missingBads);
        var falling = Monotone(groups, rising: false, options.MaxBins);
        var fallingIv = Iv(falling, missingGoods, missingBads);
        if (fallingIv > bestIv)
        {
            (best, bestIv) = (falling, fallingIv);
        }

        if (options.Shape != BinShape.MonotonicOrOneTurn)
        {
            return best;
        }

        var monotoneIv = bestIv;
        List<Group>? turned = null;
        var turnedIv = double.NegativeInfinity;
        for (var turn = 1; turn < groups.Count - 1; turn++)
        {
            foreach (var peak in (ReadOnlySpan<bool>)[true, false])
            {
                // Left of the turn the bad rate rises (peak) or falls (valley); right of it, the opposite.
                var left = Monotone(groups.GetRange(0, turn + 1), rising: peak, int.MaxValue);
                var right = Monotone(groups.GetRange(turn + 1, groups.Count - turn - 1), rising: !peak, int.MaxValue);
                var candidate = new List<Group>(left.Count + right.Count);
                candidate.AddRange(left);
                candidate.AddRange(right);
                MergeMostSimilar(candidate, options.MaxBins);
                var iv = Iv(candidate, missingGoods, missingBads);
                if (iv > turnedIv)
                {
                    (turned, turnedIv) = (candidate, iv);
                }
            }
        }

        return turned is not null && turnedIv > monotoneIv * (1 + options.TurnGain) ? turned : best;
    }

    private static List<Group> Monotone(List<Group> groups, bool rising, int maxBins)
    {
        var copy = groups.ConvertAll(g => g.Clone());
        MergeNonMonotone(copy, rising);
        MergeMostSimilar(copy, maxBins);
        return copy;
    }

    private static void MergeNonMonotone(List<Group> groups, bool rising)
    {
        var merged = true;
        while (merged && groups.Count > 1)
        {
            merged = false;
            for (var i = 0; i + 1 < groups.Count; i++)
            {
                var a = groups[i].BadRate;
                var b = groups[i + 1].BadRate;
                if (rising ? a >= b : a <= b)
                {
                    MergeAt(groups, i);
                    merged = true;
                    break;
                }
            }
        }
    }

    private static void MergeMostSimilar(List<Group> groups, int maxBins)
    {
        while (groups.Count > maxBins)
        {
            var best = 0;
            var bestChi = double.PositiveInfinity;
            for (var i = 0; i + 1 < groups.Count; i++)
            {
                var chi = ChiSquare(groups[i], groups[i + 1]);
                if (chi < bestChi)
                {
                    bestChi = chi;
                    best = i;
                }
            }

            MergeAt(groups, best);
        }
    }

    private static double ChiSquare(Group a, Group b)
    {
        double n = a.Count + b.Count;
        double goods = a.Goods + b.Goods;
        double bads = a.Bads + b.Bads;
        if (goods == 0 || bads == 0)
        {
            return 0;
        }

        double chi = 0;
        foreach (var g in (ReadOnlySpan<Group>)[a, b])
        {
            var eg = g.Count * goods / n;
            var eb = g.Count * bads / n;
            chi += ((g.Goods - eg) * (g.Goods - eg) / eg) + ((g.Bads - eb) * (g.Bads - eb) / eb);
        }

        return chi;
    }

    private static void MergeAt(List<Group> groups, int i)
    {
        var a = groups[i];
        var b = groups[i + 1];
        a.Goods += b.Goods;
        a.Bads += b.Bads;
        if (a.Levels is not null && b.Levels is not null)
        {
            a.Levels = [.. a.Levels, .. b.Levels];
        }

        groups.RemoveAt(i + 1);
    }

    private static double Iv(List<Group> groups, int missingGoods, int missingBads)
    {
        var goods = new int[groups.Count + 1];
        var bads = new int[groups.Count + 1];
        for (var i = 0; i < groups.Count; i++)
        {
            goods[i] = groups[i].Goods;
            bads[i] = groups[i].Bads;
        }

        goods[^1] = missingGoods;
        bads[^1] = missingBads;
        var woe = new double[goods.Length];
        var iv = new double[goods.Length];
        WeightsOfEvidence(goods, bads, woe, iv);
        return iv.Sum();
    }

    private static VariableBinning Finish(TableColumn column, List<Group> groups, int missingGoods, int missingBads)
    {
        var hasMissing = missingGoods + missingBads > 0;
        var count = groups.Count + (hasMissing ? 1 : 0);
        var goods = new int[count];
        var bads = new int[count];
        for (var i = 0; i < groups.Count; i++)
        {
            goods[i] = groups[i].Goods;
            bads[i] = groups[i].Bads;
        }

        if (hasMissing)
        {
            goods[^1] = missingGoods;
            bads[^1] = missingBads;
        }

        var woe = new double[count];
        var iv = new double[count];
        WeightsOfEvidence(goods, bads, woe, iv);
        var bins = new List<WoeBin>(count);
        for (var i = 0; i < groups.Count; i++)
        {
            if (column.Kind == ColumnKind.Numeric)
            {
                var lower = i == 0 ? double.NegativeInfinity : groups[i].Lower;
                var upper = i + 1 < groups.Count ? groups[i + 1].Lower : double.PositiveInfinity;
                bins.Add(new WoeBin(BinKind.Range, lower, upper, [], goods[i], bads[i], woe[i], iv[i]));
            }
            else
            {
                bins.Add(new WoeBin(BinKind.Levels, double.NaN, double.NaN, groups[i].Levels!, goods[i], bads[i], woe[i], iv[i]));
            }
        }

        if (hasMissing)
        {
            bins.Add(new WoeBin(BinKind.Missing, double.NaN, double.NaN, [], goods[^1], bads[^1], woe[^1], iv[^1]));
        }

        return new VariableBinning(column.Name, column.Kind, bins);
    }

    private sealed class Group(double lower)
    {
        public double Lower { get; } = lower;

        public int Goods { get; set; }

        public int Bads { get; set; }

        public string[]? Levels { get; set; }

        public int Count => Goods + Bads;

        public double BadRate => Count == 0 ? 0 : (double)Bads / Count;

        public Group Clone() => new(Lower) { Goods = Goods, Bads = Bads, Levels = Levels };
    }
}
