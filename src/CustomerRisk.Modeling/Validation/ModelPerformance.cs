namespace CustomerRisk.Modeling.Validation;

/// <summary>How well predicted probabilities separate and match outcomes on one data set.</summary>
/// <param name="Auc">Area under the ROC curve, 0–1; 0.5 is chance. Ties count half.</param>
/// <param name="Ks">Kolmogorov–Smirnov statistic, max |TPR − FPR| over thresholds, 0–1.</param>
/// <param name="Gini">2 · AUC − 1, −1 to 1.</param>
/// <param name="Brier">Mean squared difference between probability and outcome, 0–1.</param>
/// <param name="LogLoss">Mean negative log-likelihood, natural log, probabilities clipped to [1e-15, 1 − 1e-15]; at least 0.</param>
/// <param name="Rows">Number of rows scored.</param>
public sealed record ModelPerformance(double Auc, double Ks, double Gini, double Brier, double LogLoss, int Rows);
