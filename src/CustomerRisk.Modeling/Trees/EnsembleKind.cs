namespace CustomerRisk.Modeling.Trees;

/// <summary>How a tree ensemble's outputs combine into a probability.</summary>
public enum EnsembleKind
{
    /// <summary>Gradient boosting: base score plus the sum of tree outputs is the log-odds of bad.</summary>
    BoostedLogOdds,

    /// <summary>Forest or single tree: the average of tree outputs is the probability of bad.</summary>
    AveragedProbability,
}
