namespace CustomerRisk.Modeling;

/// <summary>What to train, on which outcome, with which settings. Tree settings left null take each algorithm's default.</summary>
public sealed record TrainingRequest
{
    /// <summary>The model family.</summary>
    public required ModelAlgorithm Algorithm { get; init; }

    /// <summary>The outcome column.</summary>
    public required string TargetColumn { get; init; }

    /// <summary>The outcome value that counts as bad; "1" by default.</summary>
    public string Positive { get; init; } = "1";

    /// <summary>Share of rows held out (stratified) for the reported metrics and for early stopping, 0 to 0.9; 0 trains on
    /// everything and reports training metrics only. 0.3 by default.</summary>
    public double ValidationFraction { get; init; } = 0.3;

    /// <summary>Seed of the split and of every random draw.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Number of trees (gbdt, forest).</summary>
    public int? Trees { get; init; }

    /// <summary>Maximum tree depth (gbdt, tree, forest).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Learning rate (gbdt).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Row subsample per tree (gbdt).</summary>
    public double? Subsample { get; init; }

    /// <summary>Rounds without validation improvement before boosting stops (gbdt); 0 grows every tree.</summary>
    public int? EarlyStoppingRounds { get; init; }

    /// <summary>Columns that are not inputs (identifiers, dates, other outcomes): left out before training, so the
    /// model neither reads nor needs them. A name the table does not have is an error. Empty by default.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>A column that names the group a row belongs to (for example <c>customer_id</c> in the PD table, where a
    /// customer appears at several snapshots): the hold-out part and the cross-validation folds then take whole groups,
    /// so no group is on both sides and the measured figures are not flattered by a customer seen in training. The
    /// column is never an input. Null (the default) splits row by row.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Threads, at least 1, or -1 for all processors.</summary>
    public int Threads { get; init; } = -1;

    /// <summary>The command-line code of an algorithm.</summary>
    /// <param name="algorithm">The algorithm.</param>
    public static string Code(ModelAlgorithm algorithm) => algorithm switch
    {
        ModelAlgorithm.Scorecard => "scorecard",
        ModelAlgorithm.Logistic => "logistic",
        ModelAlgorithm.GradientBoosting => "gbdt",
        ModelAlgorithm.DecisionTree => "tree",
        _ => "forest",
    };

    /// <summary>Reads an algorithm code.</summary>
    /// <param name="code"><c>scorecard</c>, <c>logistic</c>, <c>gbdt</c>, <c>tree</c> or <c>forest</c>.</param>
    /// <exception cref="ModelingDataException">Another code.</exception>
    public static ModelAlgorithm ParseAlgorithm(string code) => code switch
    {
        "scorecard" => ModelAlgorithm.Scorecard,
        "logistic" => ModelAlgorithm.Logistic,
        "gbdt" => ModelAlgorithm.GradientBoosting,
        "tree" => ModelAlgorithm.DecisionTree,
        "forest" => ModelAlgorithm.RandomForest,
        _ => throw new ModelingDataException($"Unknown algorithm '{code}'; use scorecard, logistic, gbdt, tree or forest."),
    };
}
