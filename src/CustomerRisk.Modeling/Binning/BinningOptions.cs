namespace CustomerRisk.Modeling.Binning;

/// <summary>Settings of optimal monotonic binning. Defaults follow the R <c>scorecard</c> package's <c>woebin</c>.</summary>
public sealed record BinningOptions
{
    /// <summary>Number of equal-frequency pre-bins a numeric column is first cut into, 2–1000; default 50.</summary>
    public int FineBins { get; init; } = 50;

    /// <summary>Smallest share of all rows a bin (other than the missing bin) may hold, 0–0.5; default 0.05.</summary>
    public double MinBinShare { get; init; } = 0.05;

    /// <summary>Most bins per variable, not counting the missing bin, at least 2; default 8.</summary>
    public int MaxBins { get; init; } = 8;

    /// <summary>Shape constraint on the bad rate of numeric bins; by default monotonic, or one turn when it adds at least
    /// <see cref="TurnGain"/> of information value. Among allowed shapes the one with the largest IV is chosen.</summary>
    public BinShape Shape { get; init; } = BinShape.MonotonicOrOneTurn;

    /// <summary>Relative IV gain a one-turn shape needs over the best monotonic one to be chosen, at least 0; 0.1
    /// (10 %) by default, so a monotonic shape wins unless the turn is real.</summary>
    public double TurnGain { get; init; } = 0.1;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FineBins, 2, nameof(FineBins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FineBins, 1000, nameof(FineBins));
        if (!(MinBinShare >= 0 && MinBinShare <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(MinBinShare), MinBinShare, "Must be between 0 and 0.5.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBins, 2, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfNegative(TurnGain, nameof(TurnGain));
    }
}
