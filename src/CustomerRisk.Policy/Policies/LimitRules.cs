namespace CustomerRisk.Policy;

/// <summary>How a recommended limit is sized (spec/operations.md).</summary>
public sealed record LimitRules
{
    /// <summary>The limit of a grade-N customer, in the portfolio currency.</summary>
    public required decimal StarterLimit { get; init; }

    /// <summary>The recommended limit is rounded down to a multiple of this (default 1,000), greater than 0.</summary>
    public required decimal RoundingStep { get; init; }

    /// <summary>Cap as a share of the customer's annual revenue when known (default 0.10), in (0, 1].</summary>
    public required decimal RevenueCapShare { get; init; }
}
