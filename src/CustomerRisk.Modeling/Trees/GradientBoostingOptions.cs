namespace CustomerRisk.Modeling.Trees;

/// <summary>Settings of gradient-boosted trees; names and defaults follow XGBoost's where they mean the same.</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Most trees (boosting rounds), at least 1; 300 by default.</summary>
    public int Trees { get; init; } = 300;

    /// <summary>Most splits from root to leaf, 1–16; 5 by default.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Shrinkage of each tree's output, 0–1 exclusive of 0; 0.05 by default.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Share of rows drawn (without replacement) for each tree, 0–1 exclusive of 0; 1 by default.</summary>
    public double Subsample { get; init; } = 1;

    /// <summary>Share of inputs drawn for each tree, 0–1 exclusive of 0; 1 by default.</summary>
    public double ColumnSample { get; init; } = 1;

    /// <summary>L2 penalty λ on leaf values, at least 0; 1 by default.</summary>
    public double Lambda { get; init; } = 1;

    /// <summary>Smallest Hessian sum (about rows × p(1 − p)) a child may hold, at least 0; 1 by default.</summary>
    public double MinChildWeight { get; init; } = 1;

    /// <summary>Smallest loss reduction a split must bring (γ), at least 0; 0 by default.</summary>
    public double MinSplitGain { get; init; }

    /// <summary>Most value bins per input, 2–255; 255 by default (XGBoost's max_bin 256 counts the missing bin too).</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Stop when the validation log loss has not improved for this many rounds, at least 0; 50 by default.
    /// Applies only when validation rows are given; 0 grows every tree and keeps them all (the validation loss is still
    /// recorded).</summary>
    public int EarlyStoppingRounds { get; init; } = 50;

    /// <summary>Threads to use, at least 1, or -1 for all processors (the default).</summary>
    public int Threads { get; init; } = -1;

    /// <summary>Seed of the row and column draws.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trees, 1, nameof(Trees));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 16, nameof(MaxDepth));
        Fraction(LearningRate, nameof(LearningRate));
        Fraction(Subsample, nameof(Subsample));
        Fraction(ColumnSample, nameof(ColumnSample));
        ArgumentOutOfRangeException.ThrowIfNegative(Lambda, nameof(Lambda));
        ArgumentOutOfRangeException.ThrowIfNegative(MinChildWeight, nameof(MinChildWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(MinSplitGain, nameof(MinSplitGain));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBins, 2, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBins, BinnedFeatures.MaxValueBins, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfNegative(EarlyStoppingRounds, nameof(EarlyStoppingRounds));
        if (Threads == 0 || Threads < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Must be at least 1, or -1 for all processors.");
        }
    }

    internal static void Fraction(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be greater than 0 and at most 1.");
        }
    }
}
