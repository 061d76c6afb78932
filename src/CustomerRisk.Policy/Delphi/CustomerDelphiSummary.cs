namespace CustomerRisk.Policy;

/// <summary>The Delphi rounds of one customer and the expert score they give (spec/rating.md).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Rounds">Every round, in ascending order.</param>
/// <param name="ExpertScore">Median of <c>overall</c> in the latest round, or of all its scores when no
/// <c>overall</c> was given; 1–5.</param>
/// <param name="ExpertScoreFromOverall">True when the expert score is the median of <c>overall</c>.</param>
public sealed record CustomerDelphiSummary(string CustomerId, IReadOnlyList<DelphiRound> Rounds, decimal ExpertScore, bool ExpertScoreFromOverall)
{
    /// <summary>The latest round.</summary>
    public DelphiRound LatestRound => Rounds[^1];

    /// <summary>Whether the latest round converged.</summary>
    public bool Converged => LatestRound.Converged;
}
