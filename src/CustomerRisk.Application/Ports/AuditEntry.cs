namespace CustomerRisk.Application.Ports;

/// <summary>What a caller appends to the audit trail; the store adds the sequence number, time and hashes.</summary>
public sealed record AuditEntry
{
    /// <summary>Who did it: a person's name, or the command (<c>crisk import</c>).</summary>
    public required string Actor { get; init; }

    /// <summary>What was done, dotted: <c>limit.grant</c>, <c>order.check</c>, <c>policy.load</c>, <c>import</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to: <c>credit_limit:12</c>, <c>order:SO-1</c>, <c>policy:2025.1+ab12…</c>.</summary>
    public required string Entity { get; init; }

    /// <summary>The customer concerned, when one is.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The state before, as JSON text; null when there was none.</summary>
    public string? Before { get; init; }

    /// <summary>The state after, as JSON text; null when there is none.</summary>
    public string? After { get; init; }
}
