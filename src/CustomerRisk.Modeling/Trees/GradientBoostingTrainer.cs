using CustomerRisk.Modeling.Linear;

namespace CustomerRisk.Modeling.Trees;

/// <summary>
/// Gradient-boosted trees for a binary outcome, second order on the log loss (as XGBoost's <c>hist</c> method):
/// inputs are cut into at most 255 quantile bins plus a missing bin, each round grows a depth-limited tree on the
/// gradients p − y and Hessians p(1 − p) of the current margins, and early stopping keeps the round with the best
/// validation log loss. Histograms are built in parallel over inputs.
/// </summary>
public static class GradientBoostingTrainer
{
    /// <summary>Trains an ensemble.</summary>
    /// <param name="rows">Training inputs.</param>
    /// <param name="labels">Training outcome per row: 1 bad, 0 good.</param>
    /// <param name="features">Feature list matching the columns of <paramref name="rows"/>.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="validationRows">Rows for early stopping, or null to grow every tree.</param>
    /// <param name="validationLabels">Outcomes of the validation rows.</param>
    /// <returns>The ensemble (trees up to the best round) and the boosting history.</returns>
    public static (TreeEnsemble Model, BoostingHistory History) Train(
        FeatureMatrix rows,
        ReadOnlySpan<byte> labels,
        IReadOnlyList<FeatureSpec> features,
        GradientBoostingOptions? options = null,
        FeatureMatrix? validationRows = null,
        byte[]? validationLabels = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        options ??= new GradientBoostingOptions();
        options.Validate();
        TrainingChecks.Check(rows, labels, features, validationRows, validationLabels);
        var y = labels.ToArray();
        var n = rows.Rows;
        var data = BinnedFeatures.Fit(rows, options.MaxBins);
        var validation = validationRows is null ? null : BinnedFeatures.Apply(validationRows, data.Cuts);
        double bads = 0;
        foreach (var label in y)
        {
            bads += label;
        }

        var baseScore = Math.Log(bads / (n - bads));
        var margin = new double[n];
        Array.Fill(margin, baseScore);
        var validMargin = validation is null ? null : Enumerable.Repeat(baseScore, validation.Rows).ToArray();
        var gradient = new double[n];
        var hessian = new double[n];
        var grower = new TreeGrower(data, new GrowthSettings
        {
            MaxDepth = options.MaxDepth,
            MinChildWeight = options.MinChildWeight,
            Lambda = options.Lambda,
            MinSplitGain = options.MinSplitGain,
            LearningRate = options.LearningRate,
            Threads = options.Threads,
        });
        var random = new Random(options.Seed);
        var allRows = Enumerable.Range(0, n).ToArray();
        var sampled = new int[n];
        var inSample = new bool[n];
        var allFeatures = Enumerable.Range(0, rows.Columns).ToArray();
        var trees = new List<RegressionTree>(options.Trees);
        var losses = new List<double>();
        var bestLoss = double.PositiveInfinity;
        var bestIteration = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        for (var t = 0; t < options.Trees; t++)
        {
            Gradients(y, margin, gradient, hessian, parallel);
            var (sample, count) = options.Subsample < 1 ? Sample(random, options.Subsample, sampled, inSample) : (allRows, n);
            var treeFeatures = options.ColumnSample < 1 ? SampleFeatures(random, options.ColumnSample, allFeatures) : allFeatures;
            var tree = grower.Grow(gradient, hessian, sample, count, treeFeatures, random, out var splitBins);
            trees.Add(tree);
            var index = grower.RowIndex;
            foreach (var (leaf, start, size) in grower.LeafRows)
            {
                var value = tree.LeafArray[leaf];
                for (var i = start; i < start + size; i++)
                {
                    margin[index[i]] += value;
                }
            }

            if (options.Subsample < 1)
            {
                AddOutOfSample(tree, splitBins, data, margin, inSample, parallel);
            }

            if (validation is not null)
            {
                AddAll(tree, splitBins, validation, validMargin!, parallel);
                var loss = LogLoss(validationLabels!, validMargin!);
                losses.Add(loss);
                if (options.EarlyStoppingRounds == 0)
                {
                    bestIteration = t + 1;
                }
                else if (loss < bestLoss - 1e-12)
                {
                    bestLoss = loss;
                    bestIteration = t + 1;
                }
                else if (t + 1 - bestIteration >= options.EarlyStoppingRounds)
                {
                    break;
                }
            }
            else
            {
                bestIteration = t + 1;
            }
        }

        var grown = trees.Count;
        var kept = trees.GetRange(0, Math.Max(1, bestIteration));
        var model = new TreeEnsemble(features, kept, EnsembleKind.BoostedLogOdds, baseScore, ScoreScale.Default);
        return (model, new BoostingHistory(grown, kept.Count, losses));
    }

    private static void Gradients(byte[] y, double[] margin, double[] gradient, double[] hessian, ParallelOptions parallel)
    {
        const int chunk = 8192;
        var chunks = (y.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, parallel, c =>
        {
            var end = Math.Min(y.Length, (c + 1) * chunk);
            for (var r = c * chunk; r < end; r++)
            {
                var p = 1 / (1 + Math.Exp(-margin[r]));
                gradient[r] = p - y[r];
                hessian[r] = Math.Max(p * (1 - p), 1e-16);
            }
        });
    }

    private static (int[] Rows, int Count) Sample(Random random, double share, int[] sampled, bool[] inSample)
    {
        var count = 0;
        for (var r = 0; r < inSample.Length; r++)
        {
            inSample[r] = random.NextDouble() < share;
            if (inSample[r])
            {
                sampled[count++] = r;
            }
        }

        return (sampled, count);
    }

    internal static int[] SampleFeatures(Random random, double share, int[] all)
    {
        var take = Math.Max(1, (int)Math.Round(share * all.Length));
        var copy = (int[])all.Clone();
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        var chosen = copy[..take];
        Array.Sort(chosen);
        return chosen;
    }

    internal static int LeafOf(RegressionTree tree, int[] splitBins, BinnedFeatures data, int row)
    {
        var feature = tree.FeatureArray;
        var left = tree.LeftArray;
        var right = tree.RightArray;
        var defaultLeft = tree.DefaultLeftArray;
        var node = 0;
        while (true)
        {
            var b = data.Bins[feature[node]][row];
            var next = (b == 0 ? defaultLeft[node] : b <= splitBins[node]) ? left[node] : right[node];
            if (next < 0)
            {
                return ~next;
            }

            node = next;
        }
    }

    private static void AddOutOfSample(RegressionTree tree, int[] splitBins, BinnedFeatures data, double[] margin, bool[] inSample, ParallelOptions parallel)
    {
        const int chunk = 8192;
        var chunks = (margin.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, parallel, c =>
        {
            var end = Math.Min(margin.Length, (c + 1) * chunk);
            for (var r = c * chunk; r < end; r++)
            {
                if (!inSample[r])
                {
                    margin[r] += tree.LeafArray[LeafOf(tree, splitBins, data, r)];
                }
            }
        });
    }

    private static void AddAll(RegressionTree tree, int[] splitBins, BinnedFeatures data, double[] margin, ParallelOptions parallel)
    {
        const int chunk = 8192;
        var chunks = (margin.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, parallel, c =>
        {
            var end = Math.Min(margin.Length, (c + 1) * chunk);
            for (var r = c * chunk; r < end; r++)
            {
                margin[r] += tree.LeafArray[LeafOf(tree, splitBins, data, r)];
            }
        });
    }

    private static double LogLoss(byte[] labels, double[] margin)
    {
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            sum += LogisticLoss.Loss(labels[i], margin[i]);
        }

        return sum / labels.Length;
    }
}
