namespace CustomerRisk.Domain;

/// <summary>A customer's financial statement for a period (spec/data-formats.md, financials). Amounts in the
/// portfolio currency; every figure is optional.</summary>
public sealed record FinancialStatement
{
    /// <summary>The customer the statement belongs to.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The last day of the period the statement covers.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>Revenue of the period.</summary>
    public decimal? Revenue { get; init; }

    /// <summary>Net income of the period.</summary>
    public decimal? NetIncome { get; init; }

    /// <summary>Total assets at period end.</summary>
    public decimal? TotalAssets { get; init; }

    /// <summary>Total liabilities at period end.</summary>
    public decimal? TotalLiabilities { get; init; }

    /// <summary>Current assets at period end.</summary>
    public decimal? CurrentAssets { get; init; }

    /// <summary>Current liabilities at period end.</summary>
    public decimal? CurrentLiabilities { get; init; }

    /// <summary>Operating cash flow of the period.</summary>
    public decimal? OperatingCashFlow { get; init; }
}
