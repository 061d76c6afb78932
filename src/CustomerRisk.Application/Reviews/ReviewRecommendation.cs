namespace CustomerRisk.Application.Reviews;

/// <summary>What the policy recommends for a review snapshot; recorded with the review and recomputed by a replay.</summary>
/// <param name="Decision">The recommended decision.</param>
/// <param name="RecommendedLimit">The policy's limit for the snapshot's grade and sales.</param>
/// <param name="TermsDays">The grade's payment terms.</param>
/// <param name="Requirement">What the grade requires before shipping.</param>
/// <param name="Reasons">Why, in words, in order.</param>
/// <param name="PolicyVersion">The policy version it was computed under.</param>
public sealed record ReviewRecommendation(ReviewDecision Decision, decimal RecommendedLimit, int TermsDays,
    string Requirement, IReadOnlyList<string> Reasons, string PolicyVersion);
