namespace CustomerRisk.Application.Ports;

/// <summary>One stored record of the audit trail.</summary>
public sealed record AuditRecord
{
    /// <summary>Position in the chain, 1, 2, 3… without gaps.</summary>
    public required long Seq { get; init; }

    /// <summary>When it was appended (UTC, whole milliseconds, from the store's clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who did it.</summary>
    public required string Actor { get; init; }

    /// <summary>What was done.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to.</summary>
    public required string Entity { get; init; }

    /// <summary>The customer concerned, when one is.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The state before, JSON text.</summary>
    public string? Before { get; init; }

    /// <summary>The state after, JSON text.</summary>
    public string? After { get; init; }

    /// <summary>The previous record's hash (64 zeros for the first record).</summary>
    public required string PrevHash { get; init; }

    /// <summary>SHA-256 (lower-case hex) of this record's canonical form and <see cref="PrevHash"/>.</summary>
    public required string Hash { get; init; }
}
