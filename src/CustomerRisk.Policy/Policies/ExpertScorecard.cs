namespace CustomerRisk.Policy;

/// <summary>The documented points scorecard used before a model is trained (docs/rating.md): score = base points +
/// the points of the band each factor falls in.</summary>
public sealed record ExpertScorecard
{
    /// <summary>Points every customer starts with.</summary>
    public required decimal BasePoints { get; init; }

    /// <summary>The factors, in file order; a metric appears at most once.</summary>
    public required IReadOnlyList<ScorecardFactor> Factors { get; init; }
}
