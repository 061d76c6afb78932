using System.Globalization;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Credit;
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
/// <param name="NewLimit">The new limit, for raise_limit and lower_limit only (0 or more); without it a raise or a
/// lower grants the policy's recommended limit when that moves the right way.</param>
/// <param name="NewTermsDays">The new terms in days, for change_terms (optional, 0 or more).</param>
public sealed record RecordReviewRequest(string CustomerId, string Decision, string Reason, string Reviewer, DateOnly ReviewedOn,
    decimal? NewLimit = null, int? NewTermsDays = null);

/// <summary>The saved review, the decision as audited and, when the review changed the limit, the grant it made.</summary>
public sealed record RecordReviewResult(CreditReview Review, OperationDecision Decision, LimitGrant? Grant = null);

/// <summary>Records a review with a snapshot of what it was decided on (the customer's latest saved assessment, the
/// granted limit, the open alerts, the previous review) and the policy's recommendation under the policy version in
/// force, so that <see cref="ReplayReview"/> can recompute it later. The person's decision may differ from the
/// recommendation; both are kept. The limit in the snapshot is the effective limit on the review date (granted,
/// temporary or imported). A decision to raise or lower the limit grants the new limit — a standing grant from the
/// review date with approver = the reviewer, reason = the review's reason, naming the review — in the same transaction
/// as the review and both audit records (<c>review.record</c>, <c>limit.grant</c>); any other decision leaves the
/// limit as it is.</summary>
public static class RecordReview
{
    public static async Task<RecordReviewResult> HandleAsync(RecordReviewRequest request, IOperationsStore store, ICreditStore credit,
        CreditPolicy policy, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(credit);
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

        var changesLimit = decision is ReviewDecision.RaiseLimit or ReviewDecision.LowerLimit;
        if (request.NewLimit is not null && !changesLimit)
        {
            throw new OperationRefusedException(
                $"A new limit (--limit) goes with raise_limit or lower_limit; decision {OperationCodes.ToCode(decision)} leaves the limit as it is.");
        }

        var customer = await OperationLookups.CustomerAsync(store, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var grants = await credit.ReadLimitGrantsAsync(customer.CustomerId, cancellationToken).ConfigureAwait(false);
        var effective = EffectiveLimit.On(grants, customer.CreditLimit, request.ReviewedOn);
        var snapshot = await SnapshotAsync(store, customer, effective.Amount, request.ReviewedOn, policy, cancellationToken).ConfigureAwait(false);
        var recommendation = ReviewAdvisor.Recommend(snapshot, policy);
        decimal? newLimit = changesLimit ? NewLimit(decision, request.NewLimit, snapshot.CreditLimit, recommendation.RecommendedLimit) : null;
        var review = new CreditReview
        {
            CustomerId = customer.CustomerId,
            ReviewedOn = request.ReviewedOn,
            Reviewer = reviewer,
            Decision = decision,
            Reason = reason,
            NewLimit = newLimit,
            NewTermsDays = request.NewTermsDays,
            Snapshot = snapshot,
            Recommendation = recommendation,
            RecordedAt = clock.GetUtcNow(),
        };
        OperationDecision? audited = null;
        LimitGrant? granted = null;
        var saved = await store.SaveReviewAsync(review, (stored, earlier) =>
        {
            audited = new OperationDecision("review.record", stored.CustomerId, stored.ReviewId.ToString(CultureInfo.InvariantCulture),
                reviewer, stored.RecordedAt,
                OperationsJson.Serialize(new { credit_limit = snapshot.CreditLimit, previous_decision = snapshot.PreviousDecision }),
                OperationsJson.Serialize(stored), reason);
            if (newLimit is not { } amount)
            {
                return new ReviewWrite(audited.ToAuditEntry());
            }

            var grant = new LimitGrant
            {
                CustomerId = stored.CustomerId,
                Amount = amount,
                Kind = LimitKind.Standing,
                ValidFrom = stored.ReviewedOn,
                Approver = reviewer,
                Reason = reason,
                ReviewId = stored.ReviewId,
                GrantedAt = stored.RecordedAt,
            };
            return new ReviewWrite(audited.ToAuditEntry(), grant, now =>
            {
                granted = now;
                var before = EffectiveLimit.On(earlier, customer.CreditLimit, now.ValidFrom);
                var after = EffectiveLimit.On([.. earlier, now], customer.CreditLimit, now.ValidFrom);
                return GrantLimit.AuditOf(now, before, after, recommendation.RecommendedLimit, recommendation.PolicyVersion);
            });
        }, cancellationToken).ConfigureAwait(false);
        return new RecordReviewResult(saved, audited!, granted);
    }

    /// <summary>The limit a raise or a lower grants: the one given, else the policy's recommendation when it moves the
    /// limit the way decided; a raise or lower that would not move it is refused.</summary>
    private static decimal NewLimit(ReviewDecision decision, decimal? given, decimal? current, decimal recommended)
    {
        var amount = given ?? recommended;
        var raise = decision == ReviewDecision.RaiseLimit;
        var moves = current is not { } now ? raise && amount > 0m : raise ? amount > now : amount < now;
        if (moves)
        {
            return amount;
        }

        var code = OperationCodes.ToCode(decision);
        var against = current is { } c ? $"the current limit {c.ToString(CultureInfo.InvariantCulture)}" : "no limit";
        throw new OperationRefusedException(given is null
            ? $"Decision {code} without a new limit (--limit): the policy's recommended limit {recommended.ToString(CultureInfo.InvariantCulture)} does not {(raise ? "raise" : "lower")} {against}; say the new limit."
            : $"Decision {code} with a new limit of {amount.ToString(CultureInfo.InvariantCulture)} against {against}.");
    }

    internal static async Task<ReviewSnapshot> SnapshotAsync(IOperationsStore store, Domain.Customer customer, decimal? creditLimit,
        DateOnly reviewedOn, CreditPolicy policy, CancellationToken cancellationToken)
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
            CreditLimit = creditLimit,
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
