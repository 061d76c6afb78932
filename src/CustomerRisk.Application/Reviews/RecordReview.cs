using System.Globalization;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>Record a periodic review.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Decision">keep, raise_limit, lower_limit, change_terms, hold or release.</param>
/// <param name="Reason">Why (required).</param>
/// <param name="Reviewer">Who (required).</param>
/// <param name="ReviewedOn">The date of the review; the snapshot is the latest assessment on or before it.</param>
/// <param name="NewLimit">The new limit, for raise_limit and lower_limit (optional, 0 or more).</param>
/// <param name="NewTermsDays">The new terms in days, for change_terms (optional, 0 or more).</param>
public sealed record RecordReviewRequest(string CustomerId, string Decision, string Reason, string Reviewer, DateOnly ReviewedOn,
    decimal? NewLimit = null, int? NewTermsDays = null);

/// <summary>The saved review and the decision for the audit trail.</summary>
public sealed record RecordReviewResult(CreditReview Review, OperationDecision Decision);

/// <summary>Records a review with a snapshot of what it was decided on (the customer's latest saved assessment, the
/// granted limit, the open alerts, the previous review) and the policy's recommendation under the policy version in
/// force, so that <see cref="ReplayReview"/> can recompute it later. The person's decision may differ from the
/// recommendation; both are kept.</summary>
public static class RecordReview
{
    public static async Task<RecordReviewResult> HandleAsync(RecordReviewRequest request, IOperationsStore store,
        CreditPolicy policy, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        var decision = OperationCodes.Parse<ReviewDecision>(request.Decision, "Decision (--decision)");
        var reason = OperationLookups.Required(request.Reason, "The reason (--reason)");
        var reviewer = OperationLookups.Required(request.Reviewer, "The reviewer (--by)");
        if (request.NewLimit is < 0m)
        {
            throw new OperationRefusedException($"The new limit {request.NewLimit} is negative.");
        }

        if (request.NewTermsDays is < 0)
        {
            throw new OperationRefusedException($"The new terms {request.NewTermsDays} days are negative.");
        }

        var customer = await OperationLookups.CustomerAsync(store, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var snapshot = await SnapshotAsync(store, customer, request.ReviewedOn, policy, cancellationToken).ConfigureAwait(false);
        if (request.NewLimit is { } newLimit && snapshot.CreditLimit is { } granted
            && ((decision == ReviewDecision.RaiseLimit && newLimit <= granted) || (decision == ReviewDecision.LowerLimit && newLimit >= granted)))
        {
            throw new OperationRefusedException(
                $"Decision {OperationCodes.ToCode(decision)} with a new limit of {newLimit.ToString(CultureInfo.InvariantCulture)} against the granted {granted.ToString(CultureInfo.InvariantCulture)}.");
        }

        var review = new CreditReview
        {
            CustomerId = customer.CustomerId,
            ReviewedOn = request.ReviewedOn,
            Reviewer = reviewer,
            Decision = decision,
            Reason = reason,
            NewLimit = request.NewLimit,
            NewTermsDays = request.NewTermsDays,
            Snapshot = snapshot,
            Recommendation = ReviewAdvisor.Recommend(snapshot, policy),
            RecordedAt = clock.GetUtcNow(),
        };
        var saved = await store.SaveReviewAsync(review, cancellationToken).ConfigureAwait(false);
        return new RecordReviewResult(saved, new OperationDecision("review.record", saved.CustomerId,
            saved.ReviewId.ToString(CultureInfo.InvariantCulture), reviewer, saved.RecordedAt,
            snapshot.CreditLimit is { } before ? OperationsJson.Serialize(new { credit_limit = before, previous_decision = snapshot.PreviousDecision }) : null,
            OperationsJson.Serialize(saved), reason));
    }

    private static async Task<ReviewSnapshot> SnapshotAsync(IOperationsStore store, Domain.Customer customer, DateOnly reviewedOn,
        CreditPolicy policy, CancellationToken cancellationToken)
    {
        var history = await store.ReadAssessmentHistoryAsync(reviewedOn, customer.CustomerId, overdueOnly: false, includeDetails: true, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            throw new OperationRefusedException(
                $"Customer '{customer.CustomerId}' has no saved assessment on or before {reviewedOn:yyyy-MM-dd}: run 'crisk assess' first.");
        }

        var (latest, previousGrade) = history[0];
        var details = OperationLookups.Details(latest);
        var alerts = await store.ReadActiveAlertsAsync(customer.CustomerId, cancellationToken).ConfigureAwait(false);
        var previous = (await store.ReadReviewsAsync(customer.CustomerId, cancellationToken).ConfigureAwait(false))
            .Where(r => r.ReviewedOn <= reviewedOn)
            .OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.ReviewId)
            .FirstOrDefault();
        return new ReviewSnapshot
        {
            CustomerId = customer.CustomerId,
            AssessedAsOf = latest.AsOf,
            Grade = latest.Grade.ToString(),
            PreviousGrade = previousGrade?.ToString(),
            CreditScore = latest.CreditScore,
            Pd = latest.Pd,
            Sales12m = details.Sales12m,
            AnnualRevenue = customer.AnnualRevenue,
            CreditLimit = customer.CreditLimit,
            Exposure = latest.Exposure,
            OverdueAr = latest.OverdueAr,
            OldestDaysPastDue = details.OldestDaysPastDue,
            RiskSeverity = details.RiskSeverity,
            OpenAlerts = alerts.Where(a => a.Status != AlertStatus.Resolved).Select(a => a.RuleId).Order(StringComparer.Ordinal).ToArray(),
            PreviousDecision = previous is null ? null : OperationCodes.ToCode(previous.Decision),
            PreviousReview = previous?.ReviewedOn,
            PolicyVersion = policy.Version,
        };
    }
}
