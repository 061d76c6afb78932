namespace CustomerRisk.Policy;

/// <summary>When a customer's credit is next reviewed, and why.</summary>
/// <param name="NextReview">The date the next review is due (T when due at once).</param>
/// <param name="Due">True when a review is due on or before T.</param>
/// <param name="Triggers">Why it is due: <c>interval</c>, <c>never_reviewed</c>, <c>grade_drop</c>,
/// <c>extreme_alert</c>; empty when not due.</param>
/// <param name="IntervalMonths">The grade's review interval.</param>
/// <param name="Basis">What the date was counted from: <c>last_review</c>, <c>customer_since</c> or <c>as_of</c>.</param>
public sealed record ReviewPlan(DateOnly NextReview, bool Due, IReadOnlyList<string> Triggers, int IntervalMonths, string Basis)
{
    /// <summary>Days from the scheduled date (last review or customer_since + interval) to T when that date lies
    /// before T, else 0. A customer never reviewed since it joined years ago keeps the spec's date and shows how long
    /// the review has been outstanding, rather than a date moved to T.</summary>
    public int DaysOverdue { get; init; }

    /// <summary>True when the scheduled date lies before T.</summary>
    public bool Overdue => DaysOverdue > 0;
}
