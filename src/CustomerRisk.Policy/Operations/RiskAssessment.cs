namespace CustomerRisk.Policy;

/// <summary>A cell of the risk matrix.</summary>
/// <param name="Probability">Probability level from PD.</param>
/// <param name="Impact">Impact level from the exposure share.</param>
/// <param name="Severity">The cell's severity.</param>
public readonly record struct RiskAssessment(RiskLevel Probability, RiskLevel Impact, Severity Severity);
