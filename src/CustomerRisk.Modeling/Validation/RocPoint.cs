namespace CustomerRisk.Modeling.Validation;

/// <summary>One point of a ROC curve: the rows with a predicted probability at or above <paramref name="Threshold"/>
/// are called bad.</summary>
/// <param name="FalsePositiveRate">Share of good rows called bad, 0–1.</param>
/// <param name="TruePositiveRate">Share of bad rows called bad, 0–1.</param>
/// <param name="Threshold">The cut-off probability, 0–1; above every prediction (1.0) for the first point (0, 0).</param>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
