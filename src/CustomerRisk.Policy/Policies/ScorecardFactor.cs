namespace CustomerRisk.Policy;

/// <summary>One factor of the expert scorecard: a metric cut into bands with points.</summary>
public sealed record ScorecardFactor
{
    /// <summary>The figure the factor reads.</summary>
    public required ScoreMetric Metric { get; init; }

    /// <summary>What a credit manager calls the factor, used in reasons.</summary>
    public required string Label { get; init; }

    /// <summary>Points when the figure is unknown.</summary>
    public required decimal MissingPoints { get; init; }

    /// <summary>Bands in ascending order: each covers [previous Below, Below); the last has no Below.</summary>
    public required IReadOnlyList<ScoreBand> Bands { get; init; }

    /// <summary>The most points this factor can give.</summary>
    public decimal BestPoints
    {
        get
        {
            // Indexed loops here and below: a foreach over the interface allocates an enumerator, per factor of every
            // customer scored.
            var best = MissingPoints;
            for (var i = 0; i < Bands.Count; i++)
            {
                best = Math.Max(best, Bands[i].Points);
            }

            return best;
        }
    }

    /// <summary>The band a value falls in (the value is compared after rounding to 4 decimal places).</summary>
    public ScoreBand BandOf(decimal value)
    {
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        for (var i = 0; i < Bands.Count; i++)
        {
            var band = Bands[i];
            if (band.Below is not { } below || rounded < below)
            {
                return band;
            }
        }

        return Bands[^1];
    }
}
