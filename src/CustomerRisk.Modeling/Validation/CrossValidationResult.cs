namespace CustomerRisk.Modeling.Validation;

/// <summary>
/// The outcome of k-fold cross-validation: each fold's performance (measured on the fold, by a model trained on the
/// other folds) and the mean and sample standard deviation (n − 1) of each metric across folds.
/// </summary>
/// <param name="Folds">One performance per fold, fold 0 first.</param>
/// <param name="Mean">The mean of each metric across folds; <c>Rows</c> is the total of the folds' rows.</param>
/// <param name="StandardDeviation">The sample standard deviation of each metric across folds; <c>Rows</c> is 0.</param>
public sealed record CrossValidationResult(IReadOnlyList<ModelPerformance> Folds, ModelPerformance Mean, ModelPerformance StandardDeviation)
{
    /// <summary>Summarises the folds' performances.</summary>
    /// <param name="folds">At least two performances.</param>
    public static CrossValidationResult From(IReadOnlyList<ModelPerformance> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds.Count, 2);
        var mean = new ModelPerformance(
            folds.Average(f => f.Auc), folds.Average(f => f.Ks), folds.Average(f => f.Gini),
            folds.Average(f => f.Brier), folds.Average(f => f.LogLoss), folds.Sum(f => f.Rows));
        var sd = new ModelPerformance(
            Sd(folds, f => f.Auc), Sd(folds, f => f.Ks), Sd(folds, f => f.Gini),
            Sd(folds, f => f.Brier), Sd(folds, f => f.LogLoss), 0);
        return new CrossValidationResult([.. folds], mean, sd);
    }

    private static double Sd(IReadOnlyList<ModelPerformance> folds, Func<ModelPerformance, double> metric)
    {
        var mean = folds.Average(metric);
        var squares = folds.Sum(f => (metric(f) - mean) * (metric(f) - mean));
        return Math.Sqrt(squares / (folds.Count - 1));
    }
}
