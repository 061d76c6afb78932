using CustomerRisk.Modeling.Binning;

namespace CustomerRisk.Modeling.Linear;

/// <summary>What scorecard training produced and decided along the way.</summary>
/// <param name="Scorecard">The trained scorecard.</param>
/// <param name="Screens">The variable filter's verdict on every candidate input.</param>
/// <param name="Candidates">The binning of every input that passed the filter.</param>
/// <param name="Fit">The final logistic fit on the WoE of the scorecard's inputs.</param>
/// <param name="Dropped">Inputs left out after binning, with the reason (<c>binned_iv</c>, <c>duplicate</c> (its WoE column equals a stronger input's), <c>collinear</c> (the fit was singular and it had the least IV) or <c>sign</c>: a WoE weight
/// that was not positive, which would reward a riskier bin).</param>
public sealed record ScorecardTraining(
    Scorecard Scorecard,
    IReadOnlyList<VariableScreen> Screens,
    IReadOnlyList<VariableBinning> Candidates,
    LogisticFit Fit,
    IReadOnlyDictionary<string, string> Dropped);
