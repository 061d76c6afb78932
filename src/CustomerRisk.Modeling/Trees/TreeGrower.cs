namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// Grows one regression tree level by level from per-row gradients and Hessians over binned features: gradient and
/// Hessian histograms per node (the smaller child built, the larger one obtained by subtraction from its parent),
/// the split maximising the second-order gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) with missing values tried on
/// both sides, leaves valued −G/(H+λ) times the learning rate. Not thread-safe: one grower per thread.
/// </summary>
internal sealed class TreeGrower
{
    private const int ParallelRowsThreshold = 4096;
    private readonly BinnedFeatures _data;
    private readonly GrowthSettings _settings;
    private readonly int[] _rowIndex;
    private readonly int[] _scratch;
    private readonly double[] _orderedGrad;
    private readonly double[] _orderedHess;
    private readonly Stack<double[]> _histogramPool = new();
    private readonly ParallelOptions _parallel;

    public TreeGrower(BinnedFeatures data, GrowthSettings settings)
    {
        _data = data;
        _settings = settings;
        _rowIndex = new int[data.Rows];
        _scratch = new int[data.Rows];
        _orderedGrad = new double[data.Rows];
        _orderedHess = new double[data.Rows];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
    }

    /// <summary>Leaves in growth order with the rows (positions in <see cref="RowIndex"/>) that reached them.</summary>
    public List<(int Leaf, int Start, int Count)> LeafRows { get; } = [];

    public int[] RowIndex => _rowIndex;

    /// <summary>Grows a tree on the given rows.</summary>
    /// <param name="gradient">Gradient per data row.</param>
    /// <param name="hessian">Hessian per data row (a weight for squared loss).</param>
    /// <param name="rows">Rows to use, ascending.</param>
    /// <param name="rowCount">How many entries of <paramref name="rows"/> to use.</param>
    /// <param name="features">Features allowed in this tree.</param>
    /// <param name="random">Source for per-node feature sampling.</param>
    /// <param name="splitBins">Receives the bin threshold of each internal node (for scoring binned rows).</param>
    public RegressionTree Grow(
        double[] gradient, double[] hessian, int[] rows, int rowCount, int[] features, Random random, out int[] splitBins)
    {
        Array.Copy(rows, _rowIndex, rowCount);
        LeafRows.Clear();
        var nodes = new NodeList();
        double g = 0, h = 0;
        for (var i = 0; i < rowCount; i++)
        {
            var r = _rowIndex[i];
            g += gradient[r];
            h += hessian[r];
        }

        var root = new Work(0, rowCount, g, h, BuildHistogram(gradient, hessian, 0, rowCount), -1, false);
        var level = new List<Work> { root };
        var nodeFeatures = new int[features.Length];
        for (var depth = 0; level.Count > 0; depth++)
        {
            var next = new List<Work>();
            foreach (var work in level)
            {
                var split = depth < _settings.MaxDepth ? BestSplit(work, features, nodeFeatures, random) : default;
                if (split.Gain <= 0)
                {
                    MakeLeaf(nodes, work);
                    continue;
                }

                var id = nodes.AddInternal(split.Feature, Threshold(split), split.DefaultLeft, split.Bin, NodeValue(work.G, work.H));
                Attach(nodes, work, id);
                var leftCount = Partition(work, split);
                var left = new Work(work.Start, leftCount, split.LeftG, split.LeftH, null, id, true);
                var right = new Work(work.Start + leftCount, work.Count - leftCount, work.G - split.LeftG, work.H - split.LeftH, null, id, false);
                var willSplit = depth + 1 < _settings.MaxDepth;
                if (willSplit)
                {
                    var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
                    small.Histogram = BuildHistogram(gradient, hessian, small.Start, small.Count);
                    var parent = work.Histogram!;
                    var smallHist = small.Histogram;
                    for (var i = 0; i < parent.Length; i++)
                    {
                        parent[i] -= smallHist[i];
                    }

                    large.Histogram = parent; // the parent's buffer now holds the larger child's histogram
                    work.Histogram = null;
                }
                else
                {
                    Release(work);
                }

                next.Add(left);
                next.Add(right);
            }

            level = next;
        }

        if (nodes.Count == 0)
        {
            // A tree that could not split: one node whose both sides are the single leaf.
            nodes.AddInternal(0, double.PositiveInfinity, true, int.MaxValue, NodeValue(g, h));
            nodes.Left[0] = ~0;
            nodes.Right[0] = ~0;
        }

        splitBins = [.. nodes.SplitBin];
        return new RegressionTree(
            [.. nodes.Feature], [.. nodes.Threshold], [.. nodes.Left], [.. nodes.Right], [.. nodes.DefaultLeft], [.. nodes.Value], [.. nodes.Leaves]);
    }

    private void MakeLeaf(NodeList nodes, Work work)
    {
        var leaf = nodes.Leaves.Count;
        nodes.Leaves.Add(NodeValue(work.G, work.H));
        LeafRows.Add((leaf, work.Start, work.Count));
        Attach(nodes, work, ~leaf);
        Release(work);
    }

    private static void Attach(NodeList nodes, Work work, int child)
    {
        if (work.Parent < 0)
        {
            return;
        }

        if (work.IsLeft)
        {
            nodes.Left[work.Parent] = child;
        }
        else
        {
            nodes.Right[work.Parent] = child;
        }
    }

    private void Release(Work work)
    {
        if (work.Histogram is not null)
        {
            _histogramPool.Push(work.Histogram);
            work.Histogram = null;
        }
    }

    private double NodeValue(double g, double h) => -g / (h + _settings.Lambda) * _settings.LearningRate;

    private double Threshold(Split split)
    {
        var cuts = _data.Cuts[split.Feature];
        return split.Bin - 1 < cuts.Length ? cuts[split.Bin - 1] : double.PositiveInfinity;
    }

    private double[] BuildHistogram(double[] gradient, double[] hessian, int start, int count)
    {
        var hist = _histogramPool.Count > 0 ? _histogramPool.Pop() : new double[2 * _data.TotalBins];
        Array.Clear(hist);
        var og = _orderedGrad;
        var oh = _orderedHess;
        var idx = _rowIndex;
        for (var i = 0; i < count; i++)
        {
            var r = idx[start + i];
            og[i] = gradient[r];
            oh[i] = hessian[r];
        }

        if (count >= ParallelRowsThreshold && _settings.Threads != 1)
        {
            Parallel.For(0, _data.Features, _parallel, f => FeatureHistogram(hist, f, start, count));
        }
        else
        {
            for (var f = 0; f < _data.Features; f++)
            {
                FeatureHistogram(hist, f, start, count);
            }
        }

        return hist;
    }

    private void FeatureHistogram(double[] hist, int f, int start, int count)
    {
        var column = _data.Bins[f];
        var offset = 2 * _data.HistogramOffset[f];
        var idx = _rowIndex.AsSpan(start, count);
        var og = _orderedGrad;
        var oh = _orderedHess;
        var span = hist.AsSpan(offset, 2 * _data.BinCount[f]);
        for (var i = 0; i < idx.Length; i++)
        {
            var b = column[idx[i]] << 1;
            span[b] += og[i];
            span[b + 1] += oh[i];
        }
    }

    private Split BestSplit(Work work, int[] features, int[] nodeFeatures, Random random)
    {
        var candidates = features.AsSpan();
        if (_settings.ColumnSampleByNode < 1)
        {
            var take = Math.Max(1, (int)Math.Round(_settings.ColumnSampleByNode * features.Length));
            features.CopyTo(nodeFeatures, 0);
            for (var i = 0; i < take; i++)
            {
                var j = random.Next(i, nodeFeatures.Length);
                (nodeFeatures[i], nodeFeatures[j]) = (nodeFeatures[j], nodeFeatures[i]);
            }

            candidates = nodeFeatures.AsSpan(0, take);
        }

        var lambda = _settings.Lambda;
        var minChild = Math.Max(_settings.MinChildWeight, 1e-12);
        var parentScore = work.G * work.G / (work.H + lambda);
        var best = default(Split);
        var hist = work.Histogram!;
        foreach (var f in candidates)
        {
            var offset = 2 * _data.HistogramOffset[f];
            var valueBins = _data.BinCount[f] - 1;
            var missingG = hist[offset];
            var missingH = hist[offset + 1];
            var hasMissing = missingH > 0;
            double accG = 0, accH = 0;
            for (var s = 1; s <= valueBins; s++)
            {
                accG += hist[offset + (2 * s)];
                accH += hist[offset + (2 * s) + 1];
                if (s < valueBins || hasMissing)
                {
                    // Missing values go right.
                    Consider(ref best, f, s, defaultLeft: false, accG, accH, work, parentScore, lambda, minChild);
                }

                if (hasMissing && s < valueBins)
                {
                    Consider(ref best, f, s, defaultLeft: true, accG + missingG, accH + missingH, work, parentScore, lambda, minChild);
                }
            }
        }

        if (best.Gain > 0 && best.Gain > _settings.MinSplitGain)
        {
            // With no missing value in the node, unseen missing values follow the heavier side.
            var offset = 2 * _data.HistogramOffset[best.Feature];
            if (!(hist[offset + 1] > 0))
            {
                best.DefaultLeft = best.LeftH >= work.H - best.LeftH;
            }

            return best;
        }

        return default;
    }

    private static void Consider(
        ref Split best, int f, int s, bool defaultLeft, double leftG, double leftH, Work work, double parentScore, double lambda, double minChild)
    {
        var rightH = work.H - leftH;
        if (leftH < minChild || rightH < minChild)
        {
            return;
        }

        var rightG = work.G - leftG;
        var gain = 0.5 * ((leftG * leftG / (leftH + lambda)) + (rightG * rightG / (rightH + lambda)) - parentScore);
        if (gain > best.Gain)
        {
            best = new Split { Gain = gain, Feature = f, Bin = s, DefaultLeft = defaultLeft, LeftG = leftG, LeftH = leftH };
        }
    }

    private int Partition(Work work, Split split)
    {
        var column = _data.Bins[split.Feature];
        var idx = _rowIndex;
        var bin = split.Bin;
        var missingLeft = split.DefaultLeft;
        var left = work.Start;
        var right = 0;
        for (var i = work.Start; i < work.Start + work.Count; i++)
        {
            var r = idx[i];
            var b = column[r];
            if (b == 0 ? missingLeft : b <= bin)
            {
                idx[left++] = r;
            }
            else
            {
                _scratch[right++] = r;
            }
        }

        Array.Copy(_scratch, 0, idx, left, right);
        return left - work.Start;
    }

    private struct Split
    {
        public double Gain;
        public int Feature;
        public int Bin;
        public bool DefaultLeft;
        public double LeftG;
        public double LeftH;
    }

    private sealed class Work(int start, int count, double g, double h, double[]? histogram, int parent, bool isLeft)
    {
        public int Start { get; } = start;

        public int Count { get; } = count;

        public double G { get; } = g;

        public double H { get; } = h;

        public double[]? Histogram { get; set; } = histogram;

        public int Parent { get; } = parent;

        public bool IsLeft { get; } = isLeft;
    }

    private sealed class NodeList
    {
        public List<int> Feature { get; } = [];

        public List<double> Threshold { get; } = [];

        public List<int> Left { get; } = [];

        public List<int> Right { get; } = [];

        public List<bool> DefaultLeft { get; } = [];

        public List<int> SplitBin { get; } = [];

        public List<double> Value { get; } = [];

        public List<double> Leaves { get; } = [];

        public int Count => Feature.Count;

        public int AddInternal(int feature, double threshold, bool defaultLeft, int bin, double value)
        {
            Feature.Add(feature);
            Threshold.Add(threshold);
            Left.Add(0);
            Right.Add(0);
            DefaultLeft.Add(defaultLeft);
            SplitBin.Add(bin);
            Value.Add(value);
            return Feature.Count - 1;
        }
    }
}
