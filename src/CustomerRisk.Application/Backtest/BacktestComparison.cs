namespace CustomerRisk.Application.Backtest;

/// <summary>The two policies side by side over the customers of one as-of date, or over all dates (then every count
/// is of customer-dates).</summary>
public sealed record BacktestComparison
{
    /// <summary>Customers assessed (those who were customers at the date).</summary>
    public required int Customers { get; init; }

    /// <summary>Of them, those with an invoice that went 90+ days past due in the outcome window.</summary>
    public required int Bad { get; init; }

    /// <summary>Bad / customers, 0–1; null without customers.</summary>
    public decimal? BadRate { get; init; }

    /// <summary>The candidate policy (the file being tested).</summary>
    public required PolicyOutcome Candidate { get; init; }

    /// <summary>The baseline policy it is compared with.</summary>
    public required PolicyOutcome Baseline { get; init; }

    /// <summary>Customers whose grade differs between the two.</summary>
    public required int GradeChanged { get; init; }

    /// <summary>Customers whose recommended limit differs.</summary>
    public required int LimitChanged { get; init; }

    /// <summary>Customers whose typical order would get a different decision.</summary>
    public required int DecisionChanged { get; init; }

    /// <summary>Candidate minus baseline recommended limits, money.</summary>
    public required decimal LimitDifference { get; init; }

    /// <summary>The grade changes, baseline → candidate, most frequent first.</summary>
    public required IReadOnlyList<GradeMove> GradeMoves { get; init; }
}
