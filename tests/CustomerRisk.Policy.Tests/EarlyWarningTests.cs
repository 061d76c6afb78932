using System.Globalization;
using CustomerRisk.Domain;

namespace CustomerRisk.Policy.Tests;

public sealed class EarlyWarningTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static WarningInputs InputsFor(string ruleId, string value) => ruleId switch
    {
        "grade_lowered" => new WarningInputs { GradePrevious = Grade.B, GradeNow = Enum.Parse<Grade>(value) },
        "expert_score_low" => new WarningInputs { ExpertScore = D(value) },
        "overdue_share_high" => new WarningInputs { OverdueShare = D(value) },
        "invoice_over_30_dpd" => new WarningInputs { OldestDpd = int.Parse(value, CultureInfo.InvariantCulture) },
        "utilisation_high" => new WarningInputs { Utilisation = D(value) },
        "frequency_drop" => new WarningInputs { FrequencyChange = D(value) },
        "dormant" => new WarningInputs { Dormant = bool.Parse(value) },
        "dso_rising" => new WarningInputs { Dso90DaysEarlier = 50m, DsoNow = D(value) },
        "concentration" => new WarningInputs { RevenueShare = D(value) },
        "complaints" => new WarningInputs { Complaints90d = int.Parse(value, CultureInfo.InvariantCulture) },
        "broken_promises" => new WarningInputs { BrokenPromises180d = int.Parse(value, CultureInfo.InvariantCulture) },
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, null),
    };

    // Each default rule of spec/operations.md at its threshold and just beyond it.
    [Theory]
    [InlineData("grade_lowered", "B", false)]
    [InlineData("grade_lowered", "A", false)]
    [InlineData("grade_lowered", "C", true)]
    [InlineData("grade_lowered", "D", true)]
    [InlineData("expert_score_low", "2.0001", false)]
    [InlineData("expert_score_low", "2", true)]
    [InlineData("expert_score_low", "1", true)]
    [InlineData("overdue_share_high", "0.20", false)]
    [InlineData("overdue_share_high", "0.2001", true)]
    [InlineData("invoice_over_30_dpd", "30", false)]
    [InlineData("invoice_over_30_dpd", "31", true)]
    [InlineData("utilisation_high", "0.90", false)]
    [InlineData("utilisation_high", "0.9001", true)]
    [InlineData("frequency_drop", "-0.50", false)]
    [InlineData("frequency_drop", "-0.5001", true)]
    [InlineData("dormant", "false", false)]
    [InlineData("dormant", "true", true)]
    [InlineData("dso_rising", "65", false)]     // 65 / 50 − 1 = 0.30
    [InlineData("dso_rising", "65.01", true)]   // 0.3002
    [InlineData("concentration", "0.20", false)]
    [InlineData("concentration", "0.2001", true)]
    [InlineData("complaints", "2", false)]
    [InlineData("complaints", "3", true)]
    [InlineData("broken_promises", "1", false)]
    [InlineData("broken_promises", "2", true)]
    public void DefaultRule_FiresOnlyBeyondItsThreshold(string ruleId, string value, bool fires)
    {
        var firings = EarlyWarning.Evaluate(InputsFor(ruleId, value), s_policy);

        if (fires)
        {
            var firing = Assert.Single(firings);
            Assert.Equal(ruleId, firing.RuleId);
        }
        else
        {
            Assert.Empty(firings);
        }
    }

    [Fact]
    public void Firing_CarriesRuleMetricComparisonThresholdAndValue()
    {
        var firing = Assert.Single(EarlyWarning.Evaluate(new WarningInputs { OverdueShare = 0.25m }, s_policy));

        Assert.Equal(("overdue_share_high", "overdue_share", "gt", 0.20m, 0.25m), (firing.RuleId, firing.Metric, firing.Comparison, firing.Threshold, firing.Value));
        Assert.Equal("overdue_share_high: overdue_share 0.25 gt 0.2", firing.Message);
    }

    [Fact]
    public void UnknownFigures_FireNothing()
    {
        Assert.Empty(EarlyWarning.Evaluate(new WarningInputs(), s_policy));
    }

    [Theory]
    [InlineData(Grade.N, Grade.D)]
    [InlineData(Grade.A, Grade.N)]
    public void AMoveToOrFromN_IsNotAGradeDrop(Grade before, Grade now)
    {
        Assert.Empty(EarlyWarning.Evaluate(new WarningInputs { GradePrevious = before, GradeNow = now }, s_policy));
    }

    [Fact]
    public void DsoChange_IsUnknown_WhenTheEarlierDsoIsZero()
    {
        var inputs = new WarningInputs { Dso90DaysEarlier = 0m, DsoNow = 40m };

        Assert.Null(inputs.DsoChange);
        Assert.Empty(EarlyWarning.Evaluate(inputs, s_policy));
    }

    [Fact]
    public void ACustomerInTrouble_FiresEveryMatchingRule_InPolicyOrder()
    {
        var inputs = new WarningInputs
        {
            GradePrevious = Grade.A, GradeNow = Grade.C, OverdueShare = 0.5m, OldestDpd = 45, BrokenPromises180d = 3,
        };

        var firings = EarlyWarning.Evaluate(inputs, s_policy);

        Assert.Equal(new[] { "grade_lowered", "overdue_share_high", "invoice_over_30_dpd", "broken_promises" }, firings.Select(f => f.RuleId));
        Assert.Equal(2m, firings[0].Value);
    }

    [Fact]
    public void EditedThreshold_InThePolicyFile_IsUsed()
    {
        var policy = PolicyText.With("metric: utilisation, comparison: gt, threshold: 0.90", "metric: utilisation, comparison: ge, threshold: 0.80");

        Assert.Single(EarlyWarning.Evaluate(new WarningInputs { Utilisation = 0.80m }, policy));
    }
}
