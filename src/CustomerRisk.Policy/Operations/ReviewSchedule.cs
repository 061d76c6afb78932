using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The periodic review (seed 000: 定期审查): next_review = last review + the grade's interval (or
/// customer_since + interval, or T when never reviewed and the start is unknown); a grade drop or an extreme alert
/// makes a review due at once.</summary>
public static class ReviewSchedule
{
    /// <summary>Plans the next review as of <paramref name="asOf"/>.</summary>
    /// <remarks>Months are calendar months (31 Jan + 1 month = 28/29 Feb). A grade drop compares A..D only: a move
    /// to or from N is not a drop.</remarks>
    public static ReviewPlan Plan(ReviewInputs inputs, DateOnly asOf, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        var interval = policy.ReviewIntervalMonths[inputs.Grade];
        var (scheduled, basis) = inputs switch
        {
            { LastReview: { } last } => (last.AddMonths(interval), "last_review"),
            { CustomerSince: { } since } => (since.AddMonths(interval), "customer_since"),
            _ => (asOf, "as_of"),
        };

        var triggers = new List<string>();
        if (scheduled <= asOf)
        {
            triggers.Add(inputs.LastReview is null && inputs.CustomerSince is null ? "never_reviewed" : "interval");
        }

        if (inputs.PreviousGrade is { } before && before != Grade.N && inputs.Grade != Grade.N && inputs.Grade > before)
        {
            triggers.Add("grade_drop");
        }

        if (inputs.HasExtremeAlert)
        {
            triggers.Add("extreme_alert");
        }

        var due = triggers.Count > 0;
        var next = due && scheduled > asOf ? asOf : scheduled;
        return new ReviewPlan(next, due, triggers, interval, basis)
        {
            DaysOverdue = scheduled < asOf ? asOf.DayNumber - scheduled.DayNumber : 0,
        };
    }
}
