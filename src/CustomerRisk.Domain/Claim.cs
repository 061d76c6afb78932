namespace CustomerRisk.Domain;

/// <summary>Money conceded to a customer: a quality claim, deduction or concession (seed 004's 索赔支出).
/// It does not pay an invoice and does not change open AR; it lowers the net collection rate.</summary>
public sealed record Claim
{
    /// <summary>Unique key of the claim.</summary>
    public required string ClaimId { get; init; }

    /// <summary>The customer the money was conceded to.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The date of the claim.</summary>
    public required DateOnly ClaimDate { get; init; }

    /// <summary>Amount conceded, greater than 0.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The invoice concerned, when known.</summary>
    public string? InvoiceId { get; init; }

    /// <summary>Why the money was conceded, when known.</summary>
    public ClaimReason? Reason { get; init; }
}
