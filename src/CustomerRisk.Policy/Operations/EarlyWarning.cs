namespace CustomerRisk.Policy;

/// <summary>Evaluates the policy's early-warning rules (spec/operations.md) over one customer's figures.</summary>
public static class EarlyWarning
{
    /// <summary>The rules that fire, in policy order. Values are compared after rounding to 4 decimal places; an
    /// unknown figure fires nothing.</summary>
    public static IReadOnlyList<WarningFiring> Evaluate(WarningInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        var firings = new List<WarningFiring>();
        foreach (var rule in policy.Warnings)
        {
            if (inputs.ValueOf(rule.Metric) is { } value && rule.FiresOn(value))
            {
                firings.Add(new WarningFiring(rule.Id, rule.Metric.ToCode(), rule.Comparison.ToCode(), rule.Threshold, value));
            }
        }

        return firings;
    }
}
