namespace CustomerRisk.Application.Collections;

/// <summary>A collection action recorded against a customer.</summary>
public sealed record CollectionAction
{
    /// <summary>The id given by the store; 0 before it is saved.</summary>
    public long ActionId { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The day it was done.</summary>
    public required DateOnly ActionDate { get; init; }

    public required CollectionActionKind Kind { get; init; }

    /// <summary>Who did it.</summary>
    public required string By { get; init; }

    /// <summary>What was said or agreed.</summary>
    public string? Note { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
