namespace CustomerRisk.Policy;

/// <summary>A band of a scorecard factor: values below <see cref="Below"/> (and at or above the previous band's
/// bound) earn <see cref="Points"/>.</summary>
public sealed record ScoreBand
{
    /// <summary>Exclusive upper bound; null for the last, open band.</summary>
    public decimal? Below { get; init; }

    /// <summary>Points earned in this band.</summary>
    public required decimal Points { get; init; }

    /// <summary>What the band means, in a credit manager's words ("paid 5-9 days late").</summary>
    public required string Label { get; init; }
}
