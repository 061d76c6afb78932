namespace CustomerRisk.Modeling.Validation;

/// <summary>
/// Discrimination and calibration measures of predicted probabilities against binary outcomes (1 = bad).
/// </summary>
public static class ClassificationMetrics
{
    private const double Epsilon = 1e-15;

    /// <summary>All measures at once.</summary>
    /// <param name="probabilities">Predicted probability of bad per row, 0–1.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    /// <exception cref="ArgumentException">Lengths differ or a class is absent.</exception>
    public static ModelPerformance Evaluate(ReadOnlySpan<double> probabilities, ReadOnlySpan<byte> labels)
    {
        var auc = Auc(probabilities, labels);
        return new ModelPerformance(
            auc, Ks(probabilities, labels), (2 * auc) - 1, Brier(probabilities, labels), LogLoss(probabilities, labels), labels.Length);
    }

    /// <summary>
    /// Area under the ROC curve by the rank-sum (Mann–Whitney) formula with mid-ranks for tied scores, so a tie
    /// between a bad and a good row counts one half. 0–1.
    /// </summary>
    /// <param name="scores">Any score that is higher for riskier rows.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    /// <exception cref="ArgumentException">Lengths differ or a class is absent.</exception>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<byte> labels)
    {
        var (order, bads, goods) = Sorted(scores, labels);
        double rankSum = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            var v = scores[order[i]];
            var badsInTie = 0;
            while (j < order.Length && scores[order[j]] == v)
            {
                badsInTie += labels[order[j]];
                j++;
            }

            // Ranks i+1 … j share their mean.
            var midRank = (i + 1 + j) / 2.0;
            rankSum += badsInTie * midRank;
            i = j;
        }

        return (rankSum - (bads * (bads + 1.0) / 2)) / ((double)bads * goods);
    }

    /// <summary>Kolmogorov–Smirnov statistic: the largest gap between the cumulative shares of bads and goods over
    /// score thresholds (tied scores move together), 0–1.</summary>
    /// <param name="scores">Any score that is higher for riskier rows.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    public static double Ks(ReadOnlySpan<double> scores, ReadOnlySpan<byte> labels)
    {
        var (order, bads, goods) = Sorted(scores, labels);
        double cumBad = 0, cumGood = 0, best = 0;
        var i = 0;
        while (i < order.Length)
        {
            var v = scores[order[i]];
            while (i < order.Length && scores[order[i]] == v)
            {
                if (labels[order[i]] == 1) { cumBad++; } else { cumGood++; }
                i++;
            }

            best = Math.Max(best, Math.Abs((cumBad / bads) - (cumGood / goods)));
        }

        return best;
    }

    /// <summary>Brier score: mean of (p − y)², 0–1.</summary>
    /// <param name="probabilities">Predicted probability of bad per row.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    public static double Brier(ReadOnlySpan<double> probabilities, ReadOnlySpan<byte> labels)
    {
        CheckLengths(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var d = probabilities[i] - labels[i];
            sum += d * d;
        }

        return sum / labels.Length;
    }

    /// <summary>Mean negative log-likelihood with probabilities clipped to [1e-15, 1 − 1e-15], at least 0.</summary>
    /// <param name="probabilities">Predicted probability of bad per row.</param>
    /// <param name="labels">Outcome per row: 1 bad, 0 good.</param>
    public static double LogLoss(ReadOnlySpan<double> probabilities, ReadOnlySpan<byte> labels)
    {
        CheckLengths(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / labels.Length;
    }

    private static void CheckLengths(ReadOnlySpan<double> scores, ReadOnlySpan<byte> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"{scores.Length} scores for {labels.Length} labels.", nameof(scores));
        }

        if (labels.Length == 0)
        {
            throw new ArgumentException("No rows to measure.", nameof(labels));
        }
    }

    private static (int[] Order, int Bads, int Goods) Sorted(ReadOnlySpan<double> scores, ReadOnlySpan<byte> labels)
    {
        CheckLengths(scores, labels);
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        var bads = 0;
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            bads += labels[i];
            if (double.IsNaN(keys[i]))
            {
                throw new ArgumentException($"Score {i} is NaN.", nameof(scores));
            }
        }

        var goods = labels.Length - bads;
        if (bads == 0 || goods == 0)
        {
            throw new ArgumentException("Both bad and good rows are needed to measure discrimination.", nameof(labels));
        }

        Array.Sort(keys, order);
        return (order, bads, goods);
    }
}
