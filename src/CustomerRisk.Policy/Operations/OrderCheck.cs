using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The credit check of an order (spec/operations.md). exposure = open_ar + open orders + the new order.
/// Block when the grade is a block grade (D), an invoice is more than 60 days past due, or exposure exceeds the limit
/// by more than 10%; review when exposure exceeds the limit by up to 10%, the grade is a review grade (C), or no limit
/// is granted; approve otherwise. A pure function: serialising concurrent checks is the store's job.</summary>
public static class OrderCheck
{
    /// <summary>Decides an order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An amount or the days past due is negative.</exception>
    public static OrderCheckResult Decide(OrderCheckInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        if (inputs.OpenAr < 0m || inputs.OpenOrders < 0m || inputs.NewOrder < 0m || inputs.GrantedLimit < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "Open AR, open orders, the new order and the limit cannot be negative.");
        }

        if (inputs.OldestDpd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.OldestDpd, "Days past due cannot be negative.");
        }

        var rules = policy.OrderCheck;
        var exposure = inputs.OpenAr + inputs.OpenOrders + inputs.NewOrder;
        var blocks = new List<DecisionReason>();
        var reviews = new List<DecisionReason>();
        var grade = inputs.Grade.ToCode();

        if (rules.BlockGrades.Contains(inputs.Grade))
        {
            blocks.Add(new("block_grade", $"grade {grade}: {policy.TermsFor(inputs.Grade).Requirement}"));
        }

        if (inputs.OldestDpd > rules.BlockDaysPastDueAbove)
        {
            blocks.Add(new("block_days_past_due", $"an invoice is {inputs.OldestDpd} days past due, more than {rules.BlockDaysPastDueAbove}", inputs.OldestDpd, rules.BlockDaysPastDueAbove));
        }

        if (inputs.GrantedLimit is { } limit)
        {
            var ceiling = limit * (1m + rules.OverLimitTolerance);
            if (exposure > ceiling)
            {
                blocks.Add(new("block_over_limit", $"exposure {DecisionReason.N(exposure)} exceeds limit {DecisionReason.N(limit)} by more than {DecisionReason.N(rules.OverLimitTolerance * 100m)}% (ceiling {DecisionReason.N(ceiling)})", exposure, ceiling));
            }
            else if (exposure > limit)
            {
                reviews.Add(new("review_over_limit", $"exposure {DecisionReason.N(exposure)} exceeds limit {DecisionReason.N(limit)} by up to {DecisionReason.N(rules.OverLimitTolerance * 100m)}%", exposure, limit));
            }
        }
        else if (rules.ReviewWithoutLimit)
        {
            reviews.Add(new("review_no_limit", $"no limit is granted; exposure would be {DecisionReason.N(exposure)}", exposure));
        }

        if (rules.ReviewGrades.Contains(inputs.Grade))
        {
            reviews.Add(new("review_grade", $"grade {grade}: {policy.TermsFor(inputs.Grade).Requirement}"));
        }

        if (blocks.Count > 0)
        {
            return new OrderCheckResult(OrderDecision.Block, [.. blocks, .. reviews], exposure, policy.Version);
        }

        if (reviews.Count > 0)
        {
            return new OrderCheckResult(OrderDecision.Review, reviews, exposure, policy.Version);
        }

        var approve = inputs.GrantedLimit is { } granted
            ? new DecisionReason("approve_within_limit", $"exposure {DecisionReason.N(exposure)} within limit {DecisionReason.N(granted)}, grade {grade}", exposure, granted)
            : new DecisionReason("approve_no_rule_fired", $"no rule fired; exposure {DecisionReason.N(exposure)}, grade {grade}", exposure);
        return new OrderCheckResult(OrderDecision.Approve, [approve], exposure, policy.Version);
    }
}
