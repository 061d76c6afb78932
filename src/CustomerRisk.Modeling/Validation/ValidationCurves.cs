namespace CustomerRisk.Modeling.Validation;

/// <summary>
/// What a model page draws, measured on one sample (the held-out validation part when there is one): the ROC curve,
/// calibration by decile, the summary figures, and the sample's distribution of predicted probabilities for later
/// PSI comparisons. Small enough to store beside a model (a few kB: the ROC curve is thinned to at most about
/// <see cref="MaxRocPoints"/> points).
/// </summary>
/// <param name="Sample"><c>validation</c> or <c>training</c> (when nothing was held out).</param>
/// <param name="Rows">Rows of the sample.</param>
/// <param name="Bads">Bad rows among them.</param>
/// <param name="Auc">Area under the ROC curve, 0–1 (<see cref="ClassificationMetrics.Auc"/>).</param>
/// <param name="Ks">Kolmogorov–Smirnov statistic, 0–1.</param>
/// <param name="Gini">2 · AUC − 1.</param>
/// <param name="Brier">Mean squared error of the probabilities, 0–1.</param>
/// <param name="Roc">ROC points from (0, 0) to (1, 1), by falling threshold.</param>
/// <param name="Calibration">Deciles by predicted probability: mean predicted and observed bad rate.</param>
/// <param name="Reference">The sample's predicted probabilities in decile bands, for PSI.</param>
public sealed record ValidationCurves(
    string Sample, int Rows, int Bads, double Auc, double Ks, double Gini, double Brier,
    IReadOnlyList<RocPoint> Roc, IReadOnlyList<CalibrationBand> Calibration, ScoreDistribution Reference)
{
    /// <summary>About how many ROC points are kept: a point is kept when it moves either rate by 1/MaxRocPoints.</summary>
    public const int MaxRocPoints = 200;

    /// <summary>Measures predictions against outcomes.</summary>
    /// <param name="probabilities">Predicted probability of bad per row, 0–1.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good; both must occur.</param>
    /// <param name="sample">The sample's name.</param>
    /// <exception cref="ArgumentException">Lengths differ or a class is absent.</exception>
    public static ValidationCurves Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<byte> labels, string sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var performance = ClassificationMetrics.Evaluate(probabilities, labels);
        var bads = 0;
        foreach (var l in labels)
        {
            bads += l;
        }

        return new ValidationCurves(sample, labels.Length, bads, performance.Auc, performance.Ks, performance.Gini, performance.Brier,
            RocCurve(probabilities, labels), Validation.Calibration.Table(probabilities, labels, 10), ScoreDistribution.Of(probabilities, 10));
    }

    /// <summary>The ROC curve: rows by falling probability, one point after each group of tied probabilities (so ties
    /// make a diagonal step, as the AUC's mid-ranks count them), thinned so that consecutive points differ by at least
    /// 1/<see cref="MaxRocPoints"/> in one rate; the first (0, 0) and last (1, 1) points are always kept.</summary>
    public static IReadOnlyList<RocPoint> RocCurve(ReadOnlySpan<double> probabilities, ReadOnlySpan<byte> labels)
    {
        if (probabilities.Length != labels.Length)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Length} labels.", nameof(probabilities));
        }

        var order = Enumerable.Range(0, probabilities.Length).ToArray();
        var keys = probabilities.ToArray();
        Array.Sort(keys, order);
        double bads = 0, goods = 0;
        foreach (var l in labels)
        {
            if (l == 1) { bads++; } else { goods++; }
        }

        if (bads == 0 || goods == 0)
        {
            throw new ArgumentException("Both outcomes must occur.", nameof(labels));
        }

        const double step = 1.0 / MaxRocPoints;
        var points = new List<RocPoint> { new(0, 0, 1) };
        double tp = 0, fp = 0;
        var i = keys.Length - 1;
        while (i >= 0)
        {
            var v = keys[i];
            while (i >= 0 && keys[i] == v)
            {
                if (labels[order[i]] == 1) { tp++; } else { fp++; }
                i--;
            }

            var point = new RocPoint(fp / goods, tp / bads, v);
            var last = points[^1];
            if (i < 0 || point.FalsePositiveRate - last.FalsePositiveRate >= step || point.TruePositiveRate - last.TruePositiveRate >= step)
            {
                points.Add(point);
            }
        }

        return points;
    }
}
