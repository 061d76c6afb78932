namespace CustomerRisk.Application.Ports;

/// <summary>The figures of one customer's ledger that credit operations need, as of a date: computed once from the
/// ledger (IndicatorCalculator, RatingEngine) and cached until the next import, so a check reads one row instead of
/// the whole ledger.</summary>
public sealed record CustomerCreditFigures
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The date the figures are as of.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The policy version the grade was rated under.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The grade from the rating rules (A–D or N).</summary>
    public required string Grade { get; init; }

    /// <summary>open_ar.</summary>
    public required decimal OpenAr { get; init; }

    /// <summary>overdue_ar.</summary>
    public required decimal OverdueAr { get; init; }

    /// <summary>Days past due of the oldest open invoice, 0 or more.</summary>
    public required int OldestDpd { get; init; }

    /// <summary>Imported sales orders with status open, dated on or before the date.</summary>
    public required decimal ImportedOpenOrders { get; init; }

    /// <summary>The credit_limit of the imported customer record; null when none (or 0).</summary>
    public decimal? ImportedCreditLimit { get; init; }

    /// <summary>sales_12m.</summary>
    public required decimal Sales12m { get; init; }

    /// <summary>The customer's annual revenue when known.</summary>
    public decimal? AnnualRevenue { get; init; }
}
