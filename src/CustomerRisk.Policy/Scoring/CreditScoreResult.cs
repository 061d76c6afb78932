namespace CustomerRisk.Policy;

/// <summary>A credit score with its probability of default and the reasons it is not higher.</summary>
/// <param name="Score">The score, clipped to the policy's scale (default 300–900).</param>
/// <param name="Pd">Probability of default, a fraction 0–1.</param>
/// <param name="Reasons">Up to four factors that cost the most points, largest first; ties by policy order.</param>
/// <param name="Factors">Every factor's points, in policy order.</param>
/// <param name="RawPoints">Base points plus factor points before clipping.</param>
/// <param name="PolicyVersion">The policy version the score was computed under.</param>
public sealed record CreditScoreResult(
    decimal Score,
    decimal Pd,
    IReadOnlyList<ScoreReason> Reasons,
    IReadOnlyList<FactorScore> Factors,
    decimal RawPoints,
    string PolicyVersion)
{
    /// <summary>What produced the score: <c>expert_scorecard</c> here; a trained model names itself.</summary>
    public string Source { get; init; } = "expert_scorecard";
}
