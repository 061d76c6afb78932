namespace CustomerRisk.Policy;

/// <summary>Expected loss of one customer: EL = PD × LGD_eff × EAD.</summary>
/// <param name="Pd">Probability of default, 0–1.</param>
/// <param name="Lgd">The policy's LGD before cover, 0–1.</param>
/// <param name="EffectiveLgd">LGD after the cover counted, 0–1.</param>
/// <param name="Ead">Exposure at default in the portfolio currency.</param>
/// <param name="Cover">Cover counted: valid covers' value × (1 − haircut), summed.</param>
/// <param name="ExpectedLoss">The expected loss in the portfolio currency.</param>
/// <param name="Log">The inputs and each step.</param>
public sealed record ExpectedLossResult(decimal Pd, decimal Lgd, decimal EffectiveLgd, decimal Ead, decimal Cover, decimal ExpectedLoss, IReadOnlyList<CalculationStep> Log);
