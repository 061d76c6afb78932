namespace CustomerRisk.Policy.Tests;

/// <summary>Refusals of the limit and order-check sections (issue 4: a bad policy is refused with a clear message).</summary>
public sealed class PolicyLoaderCreditTests
{
    [Theory]
    [InlineData("starter_limit: 10000", "starter_limit: -1", "may not be negative")]
    [InlineData("over_limit_tolerance: 0.10", "over_limit_tolerance: -0.05", "may not be negative")]
    [InlineData("block_days_past_due_above: 60", "block_days_past_due_above: -1", "may not be negative")]
    [InlineData("revenue_cap_share: 0.10", "revenue_cap_share: 1.5", "between 0 and 1")]
    [InlineData("review_without_limit: true", "review_without_limit: sometimes", "true or false")]
    [InlineData("block_grades: [D]", "block_grades: [E]", "must be a grade")]
    public void BadLimitOrOrderCheckValue_IsRefused_NamingTheLine(string find, string replacement, string expected)
    {
        var (text, line) = PolicyText.Replace(find, replacement);

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains(expected, only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOrderCheckRule_IsRefused_NamingTheKnownOnes()
    {
        var (text, line) = PolicyText.Replace("  review_grades: [C]", "  review_grades: [C]\n  approve_vip: true");

        var error = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(text, "bad.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line + 1, only.Line);
        Assert.Contains("unknown key 'approve_vip' in 'order_check'", only.Message, StringComparison.Ordinal);
    }
}
