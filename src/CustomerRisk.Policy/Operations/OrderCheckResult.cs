namespace CustomerRisk.Policy;

/// <summary>The answer of the credit check of an order, always with its reasons.</summary>
/// <param name="Decision">Approve, review or block: the strictest rule that fired.</param>
/// <param name="Reasons">Every rule that fired (blocks first, then reviews), or the one approving reason.</param>
/// <param name="Exposure">open_ar + open orders + the new order.</param>
/// <param name="PolicyVersion">The policy version the check was made under.</param>
public sealed record OrderCheckResult(OrderDecision Decision, IReadOnlyList<DecisionReason> Reasons, decimal Exposure, string PolicyVersion);
