namespace CustomerRisk.Policy;

/// <summary>A dunning level and the range of oldest days past due it covers.</summary>
public sealed record DunningBand
{
    /// <summary>The level.</summary>
    public required DunningLevel Level { get; init; }

    /// <summary>First day past due of the range, 1 or more.</summary>
    public required int FromDays { get; init; }

    /// <summary>Last day past due of the range, inclusive; null for the last, open range.</summary>
    public int? ToDays { get; init; }

    /// <summary>What the collector does ("reminder", "call", …).</summary>
    public required string Action { get; init; }
}
