namespace CustomerRisk.Domain;

/// <summary>A behaviour record: a complaint, a dispute, a call, a promise to pay (spec/data-formats.md, interactions).</summary>
public sealed record Interaction
{
    /// <summary>Unique key of the event.</summary>
    public required string EventId { get; init; }

    /// <summary>The customer concerned.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The date of the event.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>What happened.</summary>
    public required InteractionType Type { get; init; }

    /// <summary>An amount involved (a refund, a promised payment), when any.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Free text.</summary>
    public string? Note { get; init; }
}
