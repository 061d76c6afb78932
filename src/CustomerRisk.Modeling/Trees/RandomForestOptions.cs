namespace CustomerRisk.Modeling.Trees;

/// <summary>Settings of a random forest (and, with one tree and no sampling, of a single decision tree).</summary>
public sealed record RandomForestOptions
{
    /// <summary>Number of trees, at least 1; 200 by default.</summary>
    public int Trees { get; init; } = 200;

    /// <summary>Most splits from root to leaf, 1–16; 12 by default.</summary>
    public int MaxDepth { get; init; } = 12;

    /// <summary>Fewest (bootstrap-weighted) rows a leaf may hold, at least 1; 5 by default.</summary>
    public int MinLeafRows { get; init; } = 5;

    /// <summary>Share of inputs tried at each split, 0–1 exclusive of 0, or null for √(inputs)/inputs (the usual
    /// choice for classification).</summary>
    public double? FeatureShare { get; init; }

    /// <summary>Whether each tree sees a bootstrap sample (rows drawn with replacement); true by default.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Most value bins per input, 2–255; 255 by default.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Threads to use, at least 1, or -1 for all processors (the default).</summary>
    public int Threads { get; init; } = -1;

    /// <summary>Seed of the bootstrap and feature draws.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trees, 1, nameof(Trees));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 16, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinLeafRows, 1, nameof(MinLeafRows));
        if (FeatureShare is { } share)
        {
            GradientBoostingOptions.Fraction(share, nameof(FeatureShare));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBins, 2, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBins, BinnedFeatures.MaxValueBins, nameof(MaxBins));
        if (Threads == 0 || Threads < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Must be at least 1, or -1 for all processors.");
        }
    }
}
