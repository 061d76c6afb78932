namespace CustomerRisk.Policy;

/// <summary>One Delphi round of a customer.</summary>
/// <param name="Round">The round number, 1 for the first.</param>
/// <param name="Criteria">One summary per criterion scored in the round, in criterion order.</param>
/// <param name="Converged">True when every criterion's IQR is at most 1.</param>
public sealed record DelphiRound(int Round, IReadOnlyList<CriterionSummary> Criteria, bool Converged);
