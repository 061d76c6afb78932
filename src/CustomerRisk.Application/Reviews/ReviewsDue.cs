using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>The review queue as of a date.</summary>
/// <param name="AsOf">T.</param>
/// <param name="DueOnly">Only the customers whose review is due on or before T.</param>
public sealed record ReviewsDueRequest(DateOnly AsOf, bool DueOnly = true)
{
    /// <summary>Only these customers (the ones decided on since a kept queue, <see cref="ReviewQueue"/>); every
    /// assessed customer when null.</summary>
    public IReadOnlyCollection<string>? Customers { get; init; }
}

/// <summary>One customer's review schedule; <paramref name="DaysOverdue"/> counts the days from
/// <paramref name="NextReview"/> to T when that date lies before T (0 otherwise).</summary>
public sealed record ReviewDueRow(string CustomerId, string? Name, string Grade, string? PreviousGrade, DateOnly? LastReview,
    DateOnly NextReview, bool Due, IReadOnlyList<string> Triggers, int IntervalMonths, string Basis, int DaysOverdue = 0);

/// <summary>The periodic-review schedule of every assessed customer (spec/operations.md): next_review = last review +
/// the grade's interval, or customer_since + interval, or T when never reviewed; a grade drop (latest assessment
/// against the one before) or an open or acknowledged extreme alert makes it due at once. Overdue customers first
/// (most days overdue first), then the others due, then by next review date and customer id.</summary>
public static class ReviewsDue
{
    public static async Task<IReadOnlyList<ReviewDueRow>> HandleAsync(ReviewsDueRequest request, IOperationsStore store,
        CreditPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var history = new List<(AssessmentRecord Latest, Grade? PreviousGrade)>();
        var customerList = new List<Customer>();
        var alerts = new List<Alerts.Alert>();
        // The whole portfolio in one read of each table, or the few customers asked for one by one.
        foreach (var id in request.Customers?.Distinct(StringComparer.Ordinal) ?? [null])
        {
            history.AddRange(await store.ReadAssessmentHistoryAsync(request.AsOf, id, overdueOnly: false, includeDetails: false, cancellationToken)
                .ConfigureAwait(false));
            customerList.AddRange(await store.ReadCustomersAsync(id, cancellationToken).ConfigureAwait(false));
            alerts.AddRange(await store.ReadActiveAlertsAsync(id, cancellationToken).ConfigureAwait(false));
        }

        var lastReviews = await store.ReadLastReviewDatesAsync(request.AsOf, cancellationToken).ConfigureAwait(false);
        var customers = customerList.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        var extreme = alerts.Where(a => a.Severity == "extreme").Select(a => a.CustomerId).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ReviewDueRow>(history.Count);
        foreach (var (latest, previousGrade) in history)
        {
            customers.TryGetValue(latest.CustomerId, out var customer);
            DateOnly? last = lastReviews.TryGetValue(latest.CustomerId, out var d) ? d : null;
            var plan = ReviewSchedule.Plan(new ReviewInputs(latest.Grade, previousGrade, last, customer?.CustomerSince,
                extreme.Contains(latest.CustomerId)), request.AsOf, policy);
            if (plan.Due || !request.DueOnly)
            {
                rows.Add(new ReviewDueRow(latest.CustomerId, customer?.Name, latest.Grade.ToCode(), previousGrade?.ToCode(), last,
                    plan.NextReview, plan.Due, plan.Triggers, plan.IntervalMonths, plan.Basis, plan.DaysOverdue));
            }
        }

        return rows.OrderByDescending(r => r.Due).ThenByDescending(r => r.DaysOverdue).ThenBy(r => r.NextReview)
            .ThenBy(r => r.CustomerId, StringComparer.Ordinal).ToArray();
    }
}
