using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>The stored review, the recommendation recomputed from its snapshot, and whether the two agree.</summary>
public sealed record ReplayReviewResult(CreditReview Review, ReviewRecommendation Recomputed, bool Same);

/// <summary>Replays a recorded review: recomputes the recommendation from the stored snapshot under the policy it was
/// decided on and compares it with the stored one. The policy passed must be that version (its <c>version</c> and
/// fingerprint); any other is refused rather than silently giving another answer.</summary>
public static class ReplayReview
{
    public static async Task<ReplayReviewResult> HandleAsync(long reviewId, IReviewStore store, CreditPolicy policy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var review = await store.ReadReviewAsync(reviewId, cancellationToken).ConfigureAwait(false)
            ?? throw new OperationRefusedException($"There is no review {reviewId}.") { NotFound = true };
        if (review.Snapshot.PolicyVersion != policy.Version)
        {
            throw new OperationRefusedException(
                $"Review {reviewId} was decided under policy {review.Snapshot.PolicyVersion}; the policy given is {policy.Version}. " +
                "Pass that version's file with --policy.");
        }

        var recomputed = ReviewAdvisor.Recommend(review.Snapshot, policy);
        var same = OperationsJson.Serialize(recomputed) == OperationsJson.Serialize(review.Recommendation);
        return new ReplayReviewResult(review, recomputed, same);
    }
}
