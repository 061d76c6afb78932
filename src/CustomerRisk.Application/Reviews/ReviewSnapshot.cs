namespace CustomerRisk.Application.Reviews;

/// <summary>What a review was decided on, frozen when it is recorded so that it can be replayed: the customer's
/// figures from the latest saved assessment, the customer's master data and review history, and the policy version.
/// Stored as JSON with the review.</summary>
public sealed record ReviewSnapshot
{
    public required string CustomerId { get; init; }

    /// <summary>The as-of date of the assessment the figures come from.</summary>
    public required DateOnly AssessedAsOf { get; init; }

    /// <summary>The grade, <c>A</c>…<c>D</c> or <c>N</c>.</summary>
    public required string Grade { get; init; }

    /// <summary>The grade of the assessment before, when any.</summary>
    public string? PreviousGrade { get; init; }

    public int? CreditScore { get; init; }

    /// <summary>Probability of default, 0–1.</summary>
    public decimal? Pd { get; init; }

    /// <summary>sales_12m in the portfolio currency.</summary>
    public decimal Sales12m { get; init; }

    /// <summary>The customer's own annual revenue, when known (caps the limit).</summary>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>The limit granted at the time; null when none.</summary>
    public decimal? CreditLimit { get; init; }

    public decimal Exposure { get; init; }

    public decimal OverdueAr { get; init; }

    /// <summary>Days past due of the oldest open invoice.</summary>
    public int OldestDaysPastDue { get; init; }

    /// <summary>The customer's risk-matrix severity code.</summary>
    public required string RiskSeverity { get; init; }

    /// <summary>Rule ids of the alerts open or acknowledged at the time.</summary>
    public required IReadOnlyList<string> OpenAlerts { get; init; }

    /// <summary>The decision of the customer's previous review, when any (a hold is released by a later review).</summary>
    public string? PreviousDecision { get; init; }

    /// <summary>The date of the previous review, when any.</summary>
    public DateOnly? PreviousReview { get; init; }

    /// <summary>The policy version the recommendation was computed under.</summary>
    public required string PolicyVersion { get; init; }
}
