using CustomerRisk.Modeling.Binning;

namespace CustomerRisk.Modeling.Linear;

/// <summary>Settings of scorecard training.</summary>
public sealed record ScorecardOptions
{
    /// <summary>How inputs are binned.</summary>
    public BinningOptions Binning { get; init; } = new();

    /// <summary>Which inputs are screened out before binning.</summary>
    public VariableFilterOptions Filter { get; init; } = new();

    /// <summary>Binned inputs whose information value is below this are left out; 0.02 by default.</summary>
    public double MinBinnedInformationValue { get; init; } = 0.02;

    /// <summary>L2 penalty of the logistic fit on standardised WoE inputs, at least 0; 0 by default.</summary>
    public double L2 { get; init; }

    /// <summary>The points scale; spec/rating.md's by default.</summary>
    public ScoreScale Scale { get; init; } = ScoreScale.Default;
}
