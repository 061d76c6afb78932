using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CustomerRisk.Modeling.Linear;

namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// A set of regression trees scored together: gradient-boosted trees (log-odds = base score + Σ tree outputs), or a
/// random forest / single decision tree (probability = average of tree outputs). All trees are flattened into shared
/// arrays for fast scoring. Immutable and thread-safe.
/// </summary>
public sealed class TreeEnsemble : IReasonCodeModel
{
    private const int BlockRows = 128;
    private const int MaxStackFeatures = 512;

    // Batches of up to this many blocks are scored on the calling thread.
    private const int SequentialBlocks = 4;
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;   // ≥ 0 internal node (global index); < 0 leaf ~c (global index)
    private readonly int[] _right;
    private readonly bool[] _defaultLeft;
    private readonly double[] _nodeValue;
    private readonly double[] _leafValue;

    // Trees no deeper than PerfectMaxDepth are also laid out as complete binary trees of one common depth (shallow
    // branches padded with nodes that always go left), so scoring takes a fixed number of steps with no leaf test.
    private const int PerfectMaxDepth = 10;
    private readonly int _perfectDepth;
    private readonly PerfectNode[] _perfectNodes = [];
    private readonly double[] _perfectLeaves = [];

    /// <summary>Builds an ensemble.</summary>
    /// <param name="features">The inputs, in row order.</param>
    /// <param name="trees">The trees; each reads inputs by index into <paramref name="features"/>.</param>
    /// <param name="kind">How tree outputs combine.</param>
    /// <param name="baseScore">Log-odds every boosted row starts from; ignored (0) for averaged ensembles.</param>
    /// <param name="scale">Points scale used for scores and reason codes.</param>
    public TreeEnsemble(IReadOnlyList<FeatureSpec> features, IReadOnlyList<RegressionTree> trees, EnsembleKind kind, double baseScore, ScoreScale scale)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(scale);
        if (trees.Count == 0)
        {
            throw new ArgumentException("An ensemble needs at least one tree.", nameof(trees));
        }

        Features = [.. features];
        Trees = [.. trees];
        Kind = kind;
        BaseScore = kind == EnsembleKind.BoostedLogOdds ? baseScore : 0;
        Scale = scale;
        var nodes = trees.Sum(t => t.Feature.Count);
        var leaves = trees.Sum(t => t.LeafCount);
        _roots = new int[trees.Count];
        _feature = new int[nodes];
        _threshold = new double[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _defaultLeft = new bool[nodes];
        _nodeValue = new double[nodes];
        _leafValue = new double[leaves];
        int nodeBase = 0, leafBase = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _roots[t] = nodeBase;
            for (var i = 0; i < tree.Feature.Count; i++)
            {
                if (tree.Feature[i] < 0 || tree.Feature[i] >= features.Count)
                {
                    throw new ArgumentException($"Tree {t} reads input {tree.Feature[i]} of {features.Count}.", nameof(trees));
                }

                _feature[nodeBase + i] = tree.Feature[i];
                _threshold[nodeBase + i] = tree.Threshold[i];
                _left[nodeBase + i] = Global(tree.Left[i], nodeBase, leafBase);
                _right[nodeBase + i] = Global(tree.Right[i], nodeBase, leafBase);
                _defaultLeft[nodeBase + i] = tree.DefaultLeft[i];
                _nodeValue[nodeBase + i] = tree.NodeValue[i];
            }

            for (var l = 0; l < tree.LeafCount; l++)
            {
                _leafValue[leafBase + l] = tree.LeafValue[l];
            }

            nodeBase += tree.Feature.Count;
            leafBase += tree.LeafCount;
        }

        var depth = trees.Max(t => Depth(t, 0));
        if (depth <= PerfectMaxDepth)
        {
            _perfectDepth = depth;
            var internalPerTree = (1 << depth) - 1;
            _perfectNodes = new PerfectNode[trees.Count * internalPerTree];
            _perfectLeaves = new double[trees.Count << depth];
            for (var t = 0; t < trees.Count; t++)
            {
                Lay(trees[t], 0, 0, 0, _perfectNodes.AsSpan(t * internalPerTree, internalPerTree), _perfectLeaves.AsSpan(t << depth, 1 << depth), depth);
            }
        }
        else
        {
            _perfectDepth = -1;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FeatureSpec> Features { get; }

    /// <summary>The trees, in training order.</summary>
    public IReadOnlyList<RegressionTree> Trees { get; }

    /// <summary>How tree outputs combine.</summary>
    public EnsembleKind Kind { get; }

    /// <summary>Starting log-odds of a boosted ensemble; 0 for an averaged one.</summary>
    public double BaseScore { get; }

    /// <summary>Points scale for scores and reason codes.</summary>
    public ScoreScale Scale { get; }

    /// <summary>The raw ensemble output for one row: log-odds of bad (boosted) or probability of bad (averaged).</summary>
    /// <param name="row">The inputs; NaN for missing.</param>
    public double RawOutput(ReadOnlySpan<double> row)
    {
        double sum = 0;
        if (_perfectDepth >= 0)
        {
            var internalPerTree = (1 << _perfectDepth) - 1;
            for (var t = 0; t < _roots.Length; t++)
            {
                sum += PerfectLeaf(t * internalPerTree, t << _perfectDepth, row);
            }
        }
        else
        {
            for (var t = 0; t < _roots.Length; t++)
            {
                sum += _leafValue[Leaf(_roots[t], row)];
            }
        }

        return Kind == EnsembleKind.BoostedLogOdds ? BaseScore + sum : sum / _roots.Length;
    }

    /// <inheritdoc />
    public double PredictProbability(ReadOnlySpan<double> row)
    {
        var raw = RawOutput(row);
        return Kind == EnsembleKind.BoostedLogOdds ? LogisticRegression.Sigmoid(raw) : Math.Clamp(raw, 0, 1);
    }

    /// <summary>The row's score in points on <see cref="Scale"/>. Allocates nothing.</summary>
    /// <param name="row">The inputs; NaN for missing.</param>
    public double Score(ReadOnlySpan<double> row) =>
        Kind == EnsembleKind.BoostedLogOdds ? Scale.ScoreFromLogOddsOfBad(RawOutput(row)) : Scale.ScoreFromProbability(PredictProbability(row));

    /// <summary>Scores every row on all processors.</summary>
    /// <inheritdoc cref="IRiskModel.PredictProbabilities" />
    public void PredictProbabilities(FeatureMatrix rows, Span<double> probabilities) => PredictProbabilities(rows, probabilities, -1);

    /// <summary>Probability of bad for every row, scored in blocks of rows tree by tree so each tree stays in cache.</summary>
    /// <param name="rows">The inputs.</param>
    /// <param name="probabilities">Receives one probability per row.</param>
    /// <param name="threads">Most threads to use; -1 for all processors.</param>
    public void PredictProbabilities(FeatureMatrix rows, Span<double> probabilities, int threads)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (probabilities.Length < rows.Rows)
        {
            throw new ArgumentException($"Room for {probabilities.Length} results but {rows.Rows} rows.", nameof(probabilities));
        }

        if (rows.Columns < Features.Count)
        {
            throw new ArgumentException($"Rows have {rows.Columns} inputs; the model reads {Features.Count}.", nameof(rows));
        }

        var blocks = (rows.Rows + BlockRows - 1) / BlockRows;
        if (threads == 1 || blocks <= SequentialBlocks)
        {
            // A few blocks cost less than starting tasks, and write straight into the caller's span: no allocation.
            for (var block = 0; block < blocks; block++)
            {
                var start = block * BlockRows;
                var end = Math.Min(rows.Rows, start + BlockRows);
                ScoreBlock(rows, start, end, probabilities[start..end]);
            }

            return;
        }

        ScoreInParallel(rows, blocks, threads, probabilities);
    }

    /// <summary>Tasks cannot capture the caller's span, so they write into a pooled buffer (reused from call to call
    /// rather than a new array of one double per row each time) that is copied out at the end. A method of its own:
    /// the closure would otherwise be allocated on entry to the caller, on the sequential path too.</summary>
    private void ScoreInParallel(FeatureMatrix rows, int blocks, int threads, Span<double> probabilities)
    {
        var output = ArrayPool<double>.Shared.Rent(rows.Rows);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
            Parallel.For(0, blocks, parallel, block =>
            {
                var start = block * BlockRows;
                var end = Math.Min(rows.Rows, start + BlockRows);
                ScoreBlock(rows, start, end, output.AsSpan(start, end - start));
            });
            output.AsSpan(0, rows.Rows).CopyTo(probabilities);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(output);
        }
    }

    /// <summary>
    /// Reasons from path contributions: along each tree's path, the change in node value at a split is credited to
    /// the split's input; inputs whose credits raise the risk most come first. Points lost are the credit in log-odds
    /// times the scale's factor (for averaged ensembles, the probability credit divided by p(1 − p), its first-order
    /// log-odds equivalent).
    /// </summary>
    /// <inheritdoc />
    public int ExplainRow(ReadOnlySpan<double> row, Span<ReasonCode> reasons)
    {
        var width = Features.Count;
        double[]? rented = null;
        var credit = width <= MaxStackFeatures ? stackalloc double[width] : (rented = ArrayPool<double>.Shared.Rent(width)).AsSpan(0, width);
        credit.Clear();
        for (var t = 0; t < _roots.Length; t++)
        {
            var node = _roots[t];
            while (true)
            {
                var v = row[_feature[node]];
                var next = v <= _threshold[node] ? _left[node]
                    : double.IsNaN(v) ? (_defaultLeft[node] ? _left[node] : _right[node])
                    : _right[node];
                var childValue = next < 0 ? _leafValue[~next] : _nodeValue[next];
                credit[_feature[node]] += childValue - _nodeValue[node];
                if (next < 0)
                {
                    break;
                }

                node = next;
            }
        }

        var toLogOdds = 1.0;
        if (Kind == EnsembleKind.AveragedProbability)
        {
            var p = Math.Clamp(PredictProbability(row), 0.001, 0.999);
            toLogOdds = 1 / (_roots.Length * p * (1 - p));
        }

        var count = 0;
        for (var f = 0; f < width; f++)
        {
            count = ReasonRanking.Offer(reasons, count, new ReasonCode(f, Scale.Factor * credit[f] * toLogOdds));
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return count;
    }

    private static int Global(int child, int nodeBase, int leafBase) => child >= 0 ? child + nodeBase : ~(~child + leafBase);

    /// <summary>Scores rows [start, end) into <paramref name="output"/> (one value per row of the block).</summary>
    private void ScoreBlock(FeatureMatrix rows, int start, int end, Span<double> output)
    {
        var values = rows.Values;
        var width = rows.Columns;
        Span<double> sums = stackalloc double[BlockRows];
        sums.Clear();
        if (_perfectDepth >= 0)
        {
            ScorePerfectBlock(values, width, start, end - start, sums);
        }
        else
        {
            for (var t = 0; t < _roots.Length; t++)
            {
                var root = _roots[t];
                for (var r = start; r < end; r++)
                {
                    sums[r - start] += _leafValue[Leaf(root, values.AsSpan(r * width, width))];
                }
            }
        }

        for (var r = start; r < end; r++)
        {
            var s = sums[r - start];
            output[r - start] = Kind == EnsembleKind.BoostedLogOdds
                ? LogisticRegression.Sigmoid(BaseScore + s)
                : Math.Clamp(s / _roots.Length, 0, 1);
        }
    }

    /// <summary>
    /// Moves every row of the block down each tree one level at a time: the rows' steps do not depend on each other,
    /// so the processor overlaps their memory loads instead of waiting on one row's path at a time.
    /// </summary>
    private void ScorePerfectBlock(double[] values, int width, int start, int count, Span<double> sums)
    {
        Span<int> position = stackalloc int[BlockRows];
        var depth = _perfectDepth;
        var internalPerTree = (1 << depth) - 1;
        ref var node0 = ref MemoryMarshal.GetArrayDataReference(_perfectNodes);
        ref var leaf0 = ref MemoryMarshal.GetArrayDataReference(_perfectLeaves);
        ref var row0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), start * width);
        for (var t = 0; t < _roots.Length; t++)
        {
            ref var tree = ref Unsafe.Add(ref node0, t * internalPerTree);
            position[..count].Clear();
            for (var d = 0; d < depth; d++)
            {
                for (var r = 0; r < count; r++)
                {
                    var i = position[r];
                    ref readonly var n = ref Unsafe.Add(ref tree, i);
                    var v = Unsafe.Add(ref row0, (r * width) + n.Feature);

                    // Branch-free: a missing value takes the learnt side; inputs with many missing values
                    // would otherwise make the branch unpredictable.
                    var right = (v > n.Threshold ? 1 : 0) | ((double.IsNaN(v) ? 1 : 0) & n.MissingRight);
                    position[r] = (2 * i) + 1 + right;
                }
            }

            var leafBase = (t << depth) - internalPerTree; // positions of the bottom level start at internalPerTree
            for (var r = 0; r < count; r++)
            {
                sums[r] += Unsafe.Add(ref leaf0, leafBase + position[r]);
            }
        }
    }

    private static int Depth(RegressionTree tree, int node)
    {
        var left = tree.Left[node] < 0 ? 1 : 1 + Depth(tree, tree.Left[node]);
        var right = tree.Right[node] < 0 ? 1 : 1 + Depth(tree, tree.Right[node]);
        return Math.Max(left, right);
    }

    private static void Lay(RegressionTree tree, int node, int position, int depth, Span<PerfectNode> nodes, Span<double> leaves, int totalDepth)
    {
        // node ≥ 0: an internal node of the tree; node < 0: leaf ~node, repeated down to the bottom level.
        if (depth == totalDepth)
        {
            leaves[position - nodes.Length] = tree.LeafValue[~node];
            return;
        }

        if (node >= 0)
        {
            nodes[position] = new PerfectNode(tree.Threshold[node], tree.Feature[node], tree.DefaultLeft[node] ? 0 : 1);
            Lay(tree, tree.Left[node], (2 * position) + 1, depth + 1, nodes, leaves, totalDepth);
            Lay(tree, tree.Right[node], (2 * position) + 2, depth + 1, nodes, leaves, totalDepth);
            return;
        }

        nodes[position] = new PerfectNode(double.PositiveInfinity, 0, 0);
        Lay(tree, node, (2 * position) + 1, depth + 1, nodes, leaves, totalDepth);
        Lay(tree, node, (2 * position) + 2, depth + 1, nodes, leaves, totalDepth);
    }

    private double PerfectLeaf(int nodeBase, int leafBase, ReadOnlySpan<double> row)
    {
        var nodes = _perfectNodes;
        var i = 0;
        for (var d = 0; d < _perfectDepth; d++)
        {
            ref readonly var n = ref nodes[nodeBase + i];
            var v = row[n.Feature];
            var right = v > n.Threshold ? 1 : 0;
            if (double.IsNaN(v))
            {
                right = n.MissingRight;
            }

            i = (2 * i) + 1 + right;
        }

        return _perfectLeaves[leafBase + i - ((1 << _perfectDepth) - 1)];
    }

    private int Leaf(int node, ReadOnlySpan<double> row)
    {
        while (true)
        {
            var v = row[_feature[node]];
            var next = v <= _threshold[node] ? _left[node]
                : double.IsNaN(v) ? (_defaultLeft[node] ? _left[node] : _right[node])
                : _right[node];
            if (next < 0)
            {
                return ~next;
            }

            node = next;
        }
    }

    private readonly record struct PerfectNode(double Threshold, int Feature, int MissingRight);
}
