using CustomerRisk.Modeling.Linear;

namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// Random forests and single decision trees from the same histogram tree code as boosting. A classification tree that
/// minimises Gini impurity is a regression tree on the 0/1 outcome under squared loss (the impurity decrease equals
/// the variance decrease), which is what the grower does with gradient −y·w and Hessian w (w = bootstrap count) and no
/// L2: each leaf's value is its (weighted) bad rate. The forest averages its trees' bad rates.
/// </summary>
public static class RandomForestTrainer
{
    /// <summary>Trains a random forest; trees are grown in parallel.</summary>
    /// <param name="rows">Training inputs.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    /// <param name="features">Feature list matching the columns of <paramref name="rows"/>.</param>
    /// <param name="options">Settings; defaults when null.</param>
    public static TreeEnsemble Train(FeatureMatrix rows, ReadOnlySpan<byte> labels, IReadOnlyList<FeatureSpec> features, RandomForestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        options ??= new RandomForestOptions();
        options.Validate();
        TrainingChecks.Check(rows, labels, features, null, null);
        var y = labels.ToArray();
        var data = BinnedFeatures.Fit(rows, options.MaxBins);
        var share = options.FeatureShare ?? Math.Min(1, Math.Sqrt(rows.Columns) / rows.Columns);
        var settings = new GrowthSettings
        {
            MaxDepth = options.MaxDepth,
            MinChildWeight = options.MinLeafRows,
            Lambda = 0,
            LearningRate = 1,
            ColumnSampleByNode = share,
            Threads = 1,
        };
        var trees = new RegressionTree[options.Trees];
        var allFeatures = Enumerable.Range(0, rows.Columns).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        Parallel.For(
            0,
            options.Trees,
            parallel,
            () => new Worker(data, settings),
            (t, _, worker) =>
            {
                var random = new Random(options.Seed + (t * 7919));
                trees[t] = worker.Grow(y, options.Bootstrap, random, allFeatures);
                return worker;
            },
            _ => { });
        return new TreeEnsemble(features, trees, EnsembleKind.AveragedProbability, 0, ScoreScale.Default);
    }

    /// <summary>Trains one decision tree on all rows, trying every input at every split.</summary>
    /// <param name="rows">Training inputs.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    /// <param name="features">Feature list matching the columns of <paramref name="rows"/>.</param>
    /// <param name="maxDepth">Most splits from root to leaf, 1–16; 6 by default.</param>
    /// <param name="minLeafRows">Fewest rows a leaf may hold, at least 1; 50 by default.</param>
    public static TreeEnsemble TrainDecisionTree(
        FeatureMatrix rows, ReadOnlySpan<byte> labels, IReadOnlyList<FeatureSpec> features, int maxDepth = 6, int minLeafRows = 50) =>
        Train(rows, labels, features, new RandomForestOptions
        {
            Trees = 1,
            MaxDepth = maxDepth,
            MinLeafRows = minLeafRows,
            FeatureShare = 1,
            Bootstrap = false,
            Threads = 1,
        });

    private sealed class Worker(BinnedFeatures data, GrowthSettings settings)
    {
        private readonly TreeGrower _grower = new(data, settings);
        private readonly double[] _gradient = new double[data.Rows];
        private readonly double[] _hessian = new double[data.Rows];
        private readonly int[] _weights = new int[data.Rows];
        private readonly int[] _rows = new int[data.Rows];

        public RegressionTree Grow(byte[] labels, bool bootstrap, Random random, int[] features)
        {
            var n = labels.Length;
            if (bootstrap)
            {
                Array.Clear(_weights);
                for (var i = 0; i < n; i++)
                {
                    _weights[random.Next(n)]++;
                }
            }
            else
            {
                Array.Fill(_weights, 1);
            }

            var count = 0;
            for (var r = 0; r < n; r++)
            {
                var w = _weights[r];
                _gradient[r] = -labels[r] * w;
                _hessian[r] = w;
                if (w > 0)
                {
                    _rows[count++] = r;
                }
            }

            return _grower.Grow(_gradient, _hessian, _rows, count, features, random, out _);
        }
    }
}
