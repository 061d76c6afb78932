namespace CustomerRisk.Modeling.Validation;

/// <summary>A recent population compared with a reference (<see cref="ScoreDistribution.Compare"/>).</summary>
/// <param name="Bands">The bands, lowest first, with both shares and each band's PSI term.</param>
/// <param name="Psi">Population stability index, at least 0: below 0.1 stable, 0.1–0.25 watch, above 0.25 shifted.</param>
/// <param name="RecentRows">Rows of the recent population.</param>
public sealed record StabilityComparison(IReadOnlyList<PsiBand> Bands, double Psi, int RecentRows)
{
    /// <summary>The rule of thumb's reading: <c>stable</c> below 0.1, <c>watch</c> from 0.1 to 0.25, <c>shifted</c>
    /// above 0.25.</summary>
    public string Reading => Psi < 0.1 ? "stable" : Psi <= 0.25 ? "watch" : "shifted";
}
