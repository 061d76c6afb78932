namespace CustomerRisk.Modeling.Trees;

/// <summary>How boosting went.</summary>
/// <param name="TreesGrown">Trees grown before stopping.</param>
/// <param name="BestIteration">Number of trees kept: the round with the best validation log loss, or all trees
/// without validation rows.</param>
/// <param name="ValidationLogLoss">Validation log loss after each round; empty without validation rows.</param>
public sealed record BoostingHistory(int TreesGrown, int BestIteration, IReadOnlyList<double> ValidationLogLoss);
