using System.Globalization;
using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>Classifies customers as high-value, ordinary or high-risk (seed 002) and places them on the value–loyalty
/// grid (seed 004: 价值—忠诚方格). See docs/operations.md.</summary>
/// <remarks>High-risk: a high-risk grade (default D) or PD above the policy's bound (default 10%). Otherwise
/// high-value when the revenue share reaches the high value level (default 2%), else ordinary. Loyal: at least the
/// minimum months of history (default 24), a loyal product focus when known (default exclusive or mainly ours), a
/// frequency change not below the bound when known (default −50%), and not dormant.</remarks>
public static class CustomerClassifier
{
    /// <summary>Classifies one customer.</summary>
    public static CustomerClassification Classify(ClassificationInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        var rules = policy.Classification;
        var reasons = new List<string>();

        var share = inputs.RevenueShare ?? 0m;
        var value = share >= rules.HighValueFromRevenueShare ? ValueLevel.High
            : share >= rules.MediumValueFromRevenueShare ? ValueLevel.Medium
            : ValueLevel.Low;
        reasons.Add(inputs.RevenueShare is null
            ? "value low: revenue share unknown"
            : $"value {value.ToString().ToLowerInvariant()}: revenue share {P(share)}");

        var highRisk = false;
        if (rules.HighRiskGrades.Contains(inputs.Grade))
        {
            highRisk = true;
            reasons.Add($"high risk: grade {inputs.Grade.ToCode()}");
        }

        if (inputs.Pd is { } pd && pd > rules.HighRiskPdAbove)
        {
            highRisk = true;
            reasons.Add($"high risk: PD {P(pd)} above {P(rules.HighRiskPdAbove)}");
        }

        var loyal = true;
        if (inputs.HistoryMonths is not { } months)
        {
            loyal = false;
            reasons.Add("not loyal: history unknown");
        }
        else if (months < rules.LoyalMinHistoryMonths)
        {
            loyal = false;
            reasons.Add($"not loyal: {months} months of history, under {rules.LoyalMinHistoryMonths}");
        }

        if (inputs.Focus is { } focus && !rules.LoyalFocus.Contains(focus))
        {
            loyal = false;
            reasons.Add($"not loyal: product focus {focus.ToCode()}");
        }

        if (inputs.FrequencyChange is { } change && change < rules.LoyalFrequencyChangeAtLeast)
        {
            loyal = false;
            reasons.Add($"not loyal: purchase frequency changed {P(change)}");
        }

        if (rules.DormantIsDisloyal && inputs.Dormant == true)
        {
            loyal = false;
            reasons.Add("not loyal: dormant");
        }

        var customerClass = highRisk ? CustomerClass.HighRisk : value == ValueLevel.High ? CustomerClass.HighValue : CustomerClass.Ordinary;
        return new CustomerClassification(customerClass, value, loyal, rules.Grid[(value, loyal)], reasons);
    }

    /// <summary>The code of a class (<c>high_value</c>, <c>ordinary</c>, <c>high_risk</c>).</summary>
    public static string ToCode(this CustomerClass value) => value switch
    {
        CustomerClass.HighValue => "high_value",
        CustomerClass.Ordinary => "ordinary",
        CustomerClass.HighRisk => "high_risk",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown customer class."),
    };

    private static string P(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
