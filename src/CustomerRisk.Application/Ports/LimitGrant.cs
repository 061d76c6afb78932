namespace CustomerRisk.Application.Ports;

/// <summary>A limit granted to a customer: a credit decision with an approver and a reason. Never changed once
/// stored; a new grant supersedes it.</summary>
public sealed record LimitGrant
{
    /// <summary>Row id, in grant order (0 before it is stored). A later grant wins over an earlier one.</summary>
    public long Id { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The limit, in the portfolio currency, 0 or more.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Standing or temporary.</summary>
    public required LimitKind Kind { get; init; }

    /// <summary>First day it applies.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day it applies (inclusive); null for open-ended (never for a temporary limit).</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Who approved it.</summary>
    public required string Approver { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>The review that decided it (<c>crisk reviews record</c> with a new limit), or null for a grant made
    /// directly.</summary>
    public long? ReviewId { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset GrantedAt { get; init; }

    /// <summary>Whether it applies on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
