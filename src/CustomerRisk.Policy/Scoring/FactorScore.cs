namespace CustomerRisk.Policy;

/// <summary>What one scorecard factor gave a customer.</summary>
/// <param name="Metric">The metric's code (<c>max_days_late</c>).</param>
/// <param name="Factor">The factor's label ("worst lateness").</param>
/// <param name="Value">The figure read; null when unknown.</param>
/// <param name="Band">The band's label ("paid 5-9 days late", or "unknown").</param>
/// <param name="Points">Points earned.</param>
/// <param name="BestPoints">Points of the factor's best band.</param>
public sealed record FactorScore(string Metric, string Factor, decimal? Value, string Band, decimal Points, decimal BestPoints)
{
    /// <summary>Points lost against the best band, 0 or more.</summary>
    public decimal PointsLost => BestPoints - Points;
}
