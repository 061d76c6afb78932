using System.Globalization;

namespace CustomerRisk.Policy;

/// <summary>A reason a score is not higher: a factor whose band cost points against its best band.</summary>
/// <param name="Metric">The metric's code.</param>
/// <param name="Factor">The factor's label.</param>
/// <param name="Band">The band's label.</param>
/// <param name="Value">The figure; null when unknown.</param>
/// <param name="PointsLost">Points below the factor's best band, greater than 0.</param>
public sealed record ScoreReason(string Metric, string Factor, string Band, decimal? Value, decimal PointsLost)
{
    /// <summary>The reason for a person: "worst lateness: paid more than 60 days late (75); 60 points below the best band".</summary>
    public string Text
    {
        get
        {
            // A person reads 0.9413, not 0.94126095575908…: four decimals are enough for every metric of the card.
            var value = Value is { } v ? $" ({Math.Round(v, 4, MidpointRounding.AwayFromZero).ToString("G29", CultureInfo.InvariantCulture)})" : "";
            return $"{Factor}: {Band}{value}; {PointsLost.ToString("G29", CultureInfo.InvariantCulture)} points below the best band";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
