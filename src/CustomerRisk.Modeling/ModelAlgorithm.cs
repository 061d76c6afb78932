namespace CustomerRisk.Modeling;

/// <summary>The model families the library trains; codes as on the command line.</summary>
public enum ModelAlgorithm
{
    /// <summary><c>scorecard</c>: WoE binning, logistic regression, points per bin.</summary>
    Scorecard,

    /// <summary><c>logistic</c>: logistic regression on the raw inputs.</summary>
    Logistic,

    /// <summary><c>gbdt</c>: gradient-boosted trees.</summary>
    GradientBoosting,

    /// <summary><c>tree</c>: one decision tree.</summary>
    DecisionTree,

    /// <summary><c>forest</c>: a random forest.</summary>
    RandomForest,
}
