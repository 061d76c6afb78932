namespace CustomerRisk.Modeling;

/// <summary>One scored row.</summary>
/// <param name="Score">Credit score in points on the model's scale (higher is safer).</param>
/// <param name="ProbabilityOfBad">PD, 0–1.</param>
/// <param name="Reasons">Inputs that cost the most points, largest first (at most four).</param>
public sealed record ScoredRow(double Score, double ProbabilityOfBad, IReadOnlyList<string> Reasons);
