using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>Ask what the policy recommends for a customer's review on a date, before deciding.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ReviewedOn">The date of the review; the snapshot is the latest assessment on or before it.</param>
public sealed record RecommendReviewRequest(string CustomerId, DateOnly ReviewedOn);

/// <summary>The recommendation and what it was computed from.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ReviewedOn">The review date asked about.</param>
/// <param name="Snapshot">The inputs, exactly as a review recorded on that date would keep them.</param>
/// <param name="Recommendation">The policy's decision, limit, terms, requirement and reasons.</param>
/// <param name="CurrentLimit">The effective limit on the date (granted, temporary or imported); null when none.</param>
/// <param name="LimitChange">The recommended limit less the current one (the whole recommended limit when there is
/// none), in the portfolio currency: positive for a raise.</param>
public sealed record ReviewAdvice(string CustomerId, DateOnly ReviewedOn, ReviewSnapshot Snapshot, ReviewRecommendation Recommendation,
    decimal? CurrentLimit, decimal LimitChange);

/// <summary>What the policy recommends for a customer's review, computed from the same snapshot and under the same
/// policy as <see cref="RecordReview"/> would use for a review on that date, so that the form can show it before the
/// decision and the recorded review carries the same recommendation. Nothing is stored.</summary>
public static class RecommendReview
{
    /// <exception cref="OperationRefusedException">No such customer (<see cref="OperationRefusedException.NotFound"/>), or
    /// no saved assessment on or before the date.</exception>
    public static async Task<ReviewAdvice> HandleAsync(RecommendReviewRequest request, IOperationsStore store, ICreditStore credit,
        CreditPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(policy);
        var customer = await OperationLookups.CustomerAsync(store, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var grants = await credit.ReadLimitGrantsAsync(customer.CustomerId, cancellationToken).ConfigureAwait(false);
        var effective = EffectiveLimit.On(grants, customer.CreditLimit, request.ReviewedOn);
        var snapshot = await RecordReview.SnapshotAsync(store, customer, effective.Amount, request.ReviewedOn, policy, cancellationToken)
            .ConfigureAwait(false);
        var recommendation = ReviewAdvisor.Recommend(snapshot, policy);
        return new ReviewAdvice(customer.CustomerId, request.ReviewedOn, snapshot, recommendation, effective.Amount,
            recommendation.RecommendedLimit - (effective.Amount ?? 0m));
    }
}
