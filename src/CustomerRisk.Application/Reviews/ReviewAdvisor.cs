using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>The recommendation a review starts from, a pure function of the snapshot and the policy, so that a replay
/// under the same policy version gives the same answer.</summary>
/// <remarks>In order (the first that applies):
/// <list type="number">
/// <item><c>hold</c> when the grade holds new orders (D by default) or the oldest invoice is at dunning level L3 or
/// above (formal notice and order hold).</item>
/// <item><c>release</c> when the previous review held the customer and neither holds any more.</item>
/// <item><c>raise_limit</c> when no limit is granted and the policy recommends one above 0, or the recommended limit
/// is more than 10% above the granted one.</item>
/// <item><c>lower_limit</c> when the recommended limit is below the granted one.</item>
/// <item><c>keep</c> otherwise. The 10% band keeps a review from proposing a raise for every small rise in sales
/// (the spec is silent; the band is the order check's own 10% tolerance).</item>
/// </list></remarks>
public static class ReviewAdvisor
{
    /// <summary>Raise only when the recommended limit exceeds the granted one by more than this share.</summary>
    public const decimal RaiseBand = 0.10m;

    /// <summary>The recommendation for a snapshot under a policy.</summary>
    /// <exception cref="OperationRefusedException">The snapshot's grade is not a grade.</exception>
    public static ReviewRecommendation Recommend(ReviewSnapshot snapshot, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Enum.TryParse<Grade>(snapshot.Grade, ignoreCase: false, out var grade) || !Enum.IsDefined(grade))
        {
            throw new OperationRefusedException($"The review snapshot's grade '{snapshot.Grade}' is not A, B, C, D or N.");
        }

        var limit = CreditLimits.Recommend(new LimitInputs(grade, snapshot.Sales12m, snapshot.AnnualRevenue), policy);
        var dunning = Dunning.LevelFor(Math.Max(0, snapshot.OldestDaysPastDue), policy);
        var reasons = new List<string>();
        ReviewDecision decision;
        if (limit.HoldOrders || dunning.Level >= DunningLevel.L3)
        {
            decision = ReviewDecision.Hold;
            if (limit.HoldOrders)
            {
                reasons.Add($"grade {snapshot.Grade} holds new orders ({limit.Requirement})");
            }

            if (dunning.Level >= DunningLevel.L3)
            {
                reasons.Add($"oldest invoice {snapshot.OldestDaysPastDue} days past due: dunning {dunning.Level.ToCode()} ({dunning.Action})");
            }
        }
        else if (snapshot.PreviousDecision == OperationCodes.ToCode(ReviewDecision.Hold))
        {
            decision = ReviewDecision.Release;
            reasons.Add($"held at the review of {snapshot.PreviousReview:yyyy-MM-dd}; grade {snapshot.Grade} and dunning {dunning.Level.ToCode()} no longer hold orders");
        }
        else if (snapshot.CreditLimit is not { } granted)
        {
            decision = limit.Limit > 0m ? ReviewDecision.RaiseLimit : ReviewDecision.Keep;
            reasons.Add(limit.Limit > 0m
                ? $"no limit granted; the policy recommends {M(limit.Limit)}"
                : "no limit granted and the policy recommends none");
        }
        else if (limit.Limit < granted)
        {
            decision = ReviewDecision.LowerLimit;
            reasons.Add($"recommended limit {M(limit.Limit)} is below the granted {M(granted)}");
        }
        else if (limit.Limit > granted * (1m + RaiseBand))
        {
            decision = ReviewDecision.RaiseLimit;
            reasons.Add($"recommended limit {M(limit.Limit)} is more than {RaiseBand:P0} above the granted {M(granted)}");
        }
        else
        {
            decision = ReviewDecision.Keep;
            reasons.Add($"recommended limit {M(limit.Limit)} is within {RaiseBand:P0} above the granted {M(granted)}, or equal");
        }

        if (snapshot.OpenAlerts.Count > 0)
        {
            reasons.Add($"open alerts: {string.Join(", ", snapshot.OpenAlerts)} (severity {snapshot.RiskSeverity})");
        }

        return new ReviewRecommendation(decision, limit.Limit, limit.TermsDays, limit.Requirement, reasons, policy.Version);
    }

    private static string M(decimal amount) => amount.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
