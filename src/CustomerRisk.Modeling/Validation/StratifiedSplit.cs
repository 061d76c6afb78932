namespace CustomerRisk.Modeling.Validation;

/// <summary>
/// Stratified train/test splits and k-fold assignments that keep each class's share. Row order comes from a
/// SplitMix64 hash of (seed, row index), so the same split can be rebuilt in any language (the Python peer scripts in
/// benchmarks/peers/modeling do): within each class, rows are ordered by
/// <c>SplitMix64(seed + (index + 1) · 0x9E3779B97F4A7C15)</c> (ties by index) and the first
/// round(fraction · class size) go to the test part.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>Splits rows into a training and a test part with the same bad rate (to one row per class).</summary>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="testFraction">Share of each class that goes to the test part, strictly between 0 and 1.</param>
    /// <param name="seed">Any integer; the same seed gives the same split.</param>
    /// <returns>Row indexes of each part, ascending.</returns>
    public static (int[] Train, int[] Test) TrainTest(ReadOnlySpan<byte> labels, double testFraction, ulong seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "Must be strictly between 0 and 1.");
        }

        var inTest = new bool[labels.Length];
        for (byte label = 0; label <= 1; label++)
        {
            var rows = Ordered(labels, label, seed);
            var take = (int)Math.Round(testFraction * rows.Length, MidpointRounding.AwayFromZero);
            for (var i = 0; i < take; i++)
            {
                inTest[rows[i]] = true;
            }
        }

        var train = new List<int>(labels.Length);
        var test = new List<int>(labels.Length);
        for (var r = 0; r < labels.Length; r++)
        {
            (inTest[r] ? test : train).Add(r);
        }

        return (train.ToArray(), test.ToArray());
    }

    /// <summary>Assigns each row to one of <paramref name="folds"/> folds so each fold has the class ratio of the whole.</summary>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="folds">Number of folds, 2 or more.</param>
    /// <param name="seed">Any integer; the same seed gives the same folds.</param>
    /// <returns>The fold of each row, 0 to folds − 1.</returns>
    public static int[] Folds(ReadOnlySpan<byte> labels, int folds, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = new int[labels.Length];
        var offset = 0;
        for (byte label = 0; label <= 1; label++)
        {
            var rows = Ordered(labels, label, seed);
            for (var i = 0; i < rows.Length; i++)
            {
                // Carrying the offset over to the second class keeps fold sizes within one row of each other.
                fold[rows[i]] = (i + offset) % folds;
            }

            offset = (offset + rows.Length) % folds;
        }

        return fold;
    }

    /// <summary>
    /// Splits whole groups (for example every snapshot of one customer) into a training and a test part, so no group
    /// has rows on both sides. A group counts as bad when any of its rows is bad; the groups are then split by
    /// <see cref="TrainTest"/> as if each were one row, the group's index being the order of its first row.
    /// </summary>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="groups">One group number per row, 0 to the number of groups − 1, numbered in order of first row.</param>
    /// <param name="testFraction">Share of each class of groups that goes to the test part, strictly between 0 and 1.</param>
    /// <param name="seed">Any integer; the same seed gives the same split.</param>
    /// <returns>Row indexes of each part, ascending.</returns>
    public static (int[] Train, int[] Test) GroupTrainTest(ReadOnlySpan<byte> labels, ReadOnlySpan<int> groups, double testFraction, ulong seed)
    {
        var groupLabels = GroupLabels(labels, groups);
        var (_, test) = TrainTest(groupLabels, testFraction, seed);
        var inTest = new bool[groupLabels.Length];
        foreach (var g in test)
        {
            inTest[g] = true;
        }

        var trainRows = new List<int>(labels.Length);
        var testRows = new List<int>(labels.Length);
        for (var r = 0; r < labels.Length; r++)
        {
            (inTest[groups[r]] ? testRows : trainRows).Add(r);
        }

        return (trainRows.ToArray(), testRows.ToArray());
    }

    /// <summary>
    /// Assigns whole groups to folds: a group's rows all fall in one fold. Groups are labelled bad when any row is bad
    /// and dealt by <see cref="Folds"/> as if each were one row, so each fold keeps the share of bad groups.
    /// </summary>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="groups">One group number per row, 0 to the number of groups − 1, numbered in order of first row.</param>
    /// <param name="folds">Number of folds, 2 or more.</param>
    /// <param name="seed">Any integer; the same seed gives the same folds.</param>
    /// <returns>The fold of each row, 0 to folds − 1.</returns>
    public static int[] GroupFolds(ReadOnlySpan<byte> labels, ReadOnlySpan<int> groups, int folds, ulong seed)
    {
        var groupFold = Folds(GroupLabels(labels, groups), folds, seed);
        var fold = new int[labels.Length];
        for (var r = 0; r < fold.Length; r++)
        {
            fold[r] = groupFold[groups[r]];
        }

        return fold;
    }

    /// <summary>Numbers the distinct values of a key column in order of first appearance.</summary>
    /// <param name="keys">One key per row; none may be null.</param>
    /// <returns>The group of each row and the number of groups.</returns>
    public static (int[] Groups, int Count) NumberGroups(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new int[keys.Count];
        for (var r = 0; r < groups.Length; r++)
        {
            var key = keys[r] ?? throw new ArgumentException($"Row {r} has no group key.", nameof(keys));
            if (!numbers.TryGetValue(key, out var g))
            {
                g = numbers.Count;
                numbers.Add(key, g);
            }

            groups[r] = g;
        }

        return (groups, numbers.Count);
    }

    /// <summary>Each group's label: 1 when any of its rows is bad.</summary>
    /// <param name="labels">One label per row: 1 bad, 0 good.</param>
    /// <param name="groups">One group number per row, at least 0.</param>
    /// <returns>One label per group, group 0 first.</returns>
    public static byte[] GroupLabels(ReadOnlySpan<byte> labels, ReadOnlySpan<int> groups)
    {
        if (labels.Length != groups.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {groups.Length} group numbers.", nameof(groups));
        }

        var count = 0;
        foreach (var g in groups)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(g, nameof(groups));
            count = Math.Max(count, g + 1);
        }

        var result = new byte[count];
        for (var r = 0; r < labels.Length; r++)
        {
            result[groups[r]] |= labels[r];
        }

        return result;
    }

    /// <summary>The SplitMix64 finaliser of <c>seed + (index + 1) · 0x9E3779B97F4A7C15</c>: a well-mixed 64-bit key.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The row index, at least 0.</param>
    public static ulong RowKey(ulong seed, int index)
    {
        unchecked
        {
            var z = seed + ((ulong)(index + 1) * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static int[] Ordered(ReadOnlySpan<byte> labels, byte label, ulong seed)
    {
        var rows = new List<int>();
        for (var r = 0; r < labels.Length; r++)
        {
            if (labels[r] == label)
            {
                rows.Add(r);
            }
        }

        var keys = new ulong[rows.Count];
        var ordered = rows.ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            keys[i] = RowKey(seed, ordered[i]);
        }

        // Rows are collected in ascending index order, and a stable order on the key keeps ties by index.
        var index = Enumerable.Range(0, ordered.Length).ToArray();
        Array.Sort(index, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var result = new int[ordered.Length];
        for (var i = 0; i < index.Length; i++)
        {
            result[i] = ordered[index[i]];
        }

        return result;
    }
}
