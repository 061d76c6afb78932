namespace CustomerRisk.Policy;

/// <summary>An early-warning rule: it fires when <see cref="Metric"/> compares to <see cref="Threshold"/> as
/// <see cref="Comparison"/> says.</summary>
public sealed record WarningRule
{
    /// <summary>The rule's id, unique in the policy (e.g. <c>overdue_share_high</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The figure the rule reads.</summary>
    public required WarningMetric Metric { get; init; }

    /// <summary>How the figure is compared.</summary>
    public required Comparison Comparison { get; init; }

    /// <summary>The threshold; null only for <see cref="Comparison.IsTrue"/>.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>Whether a value fires the rule (values compared after rounding to 4 decimal places).</summary>
    public bool FiresOn(decimal value)
    {
        var v = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        var t = Threshold ?? 0m;
        return Comparison switch
        {
            Comparison.GreaterThan => v > t,
            Comparison.AtLeast => v >= t,
            Comparison.LessThan => v < t,
            Comparison.AtMost => v <= t,
            Comparison.EqualTo => v == t,
            Comparison.IsTrue => v != 0m,
            _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
        };
    }
}
