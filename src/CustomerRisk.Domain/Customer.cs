namespace CustomerRisk.Domain;

/// <summary>A business customer that buys on credit (spec/data-formats.md, customers).</summary>
public sealed record Customer
{
    /// <summary>The customer's key in the user's ERP, 1–64 characters.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The customer's name.</summary>
    public required string Name { get; init; }

    /// <summary>Industry, free text, used for grouping.</summary>
    public string? Industry { get; init; }

    /// <summary>Region, free text, used for grouping and access.</summary>
    public string? Region { get; init; }

    /// <summary>The sales person who owns the customer; sales users see only their own customers.</summary>
    public string? SalesOwner { get; init; }

    /// <summary>The customer's own yearly revenue in the portfolio currency, for limit sizing; null when unknown.</summary>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>The limit granted today in the portfolio currency; null when none is granted.</summary>
    public decimal? CreditLimit { get; init; }

    /// <summary>Agreed days from invoice to due date; 30 by default.</summary>
    public int PaymentTermsDays { get; init; } = 30;

    /// <summary>How much of the customer's business is our product (seed 004); null when unknown.</summary>
    public ProductFocus? ProductFocus { get; init; }

    /// <summary>The date the relationship began; null when unknown.</summary>
    public DateOnly? CustomerSince { get; init; }
}
