namespace CustomerRisk.Policy;

/// <summary>The dunning level of a customer and what the collector does.</summary>
/// <param name="Level">The level; <see cref="DunningLevel.None"/> when nothing is past due.</param>
/// <param name="Action">The action ("reminder", "call", …), or "none".</param>
/// <param name="OldestDpd">The oldest days past due it was read from.</param>
public sealed record DunningStep(DunningLevel Level, string Action, int OldestDpd);
