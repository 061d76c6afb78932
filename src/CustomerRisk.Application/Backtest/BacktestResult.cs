namespace CustomerRisk.Application.Backtest;

/// <summary>The backtest of a candidate policy against a baseline: per as-of date and over all dates.</summary>
public sealed record BacktestResult
{
    /// <summary>The candidate policy's version and file.</summary>
    public required string CandidatePolicy { get; init; }

    /// <summary>Where the candidate was read from.</summary>
    public required string CandidateSource { get; init; }

    /// <summary>The baseline policy's version.</summary>
    public required string BaselinePolicy { get; init; }

    /// <summary>Where the baseline was read from.</summary>
    public required string BaselineSource { get; init; }

    /// <summary>The last day the ledger knows (outcomes after it are unknown).</summary>
    public required DateOnly OutcomesThrough { get; init; }

    /// <summary>Months after each as-of date in which a customer can go bad.</summary>
    public required int OutcomeMonths { get; init; }

    /// <summary>Days past due at which an invoice makes its customer bad.</summary>
    public required int BadDaysPastDue { get; init; }

    /// <summary>The replayed dates, oldest first.</summary>
    public required IReadOnlyList<BacktestDate> Dates { get; init; }

    /// <summary>All dates together (customer-dates).</summary>
    public required BacktestComparison Total { get; init; }
}
