using CustomerRisk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Policy.Tests;

public sealed class OrderCheckTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    // open_ar 60,000 + open orders 20,000 + the new order, against a limit of 100,000.
    private static OrderCheckResult Check(decimal newOrder, Grade grade = Grade.B, int oldestDpd = 0, decimal? limit = 100_000m, CreditPolicy? policy = null) =>
        OrderCheck.Decide(new OrderCheckInputs(grade, 60_000m, 20_000m, newOrder, oldestDpd, limit), policy ?? s_policy);

    [Fact]
    public void ExposureExactlyAtTheLimit_IsApproved()
    {
        var result = Check(20_000m);

        Assert.Equal(OrderDecision.Approve, result.Decision);
        Assert.Equal(100_000m, result.Exposure);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("approve_within_limit", reason.RuleId);
        Assert.Equal(s_policy.Version, result.PolicyVersion);
    }

    [Fact]
    public void ExposureJustAboveTheLimit_GoesToReview()
    {
        var result = Check(20_000.01m);

        Assert.Equal(OrderDecision.Review, result.Decision);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("review_over_limit", reason.RuleId);
        Assert.Equal((100_000.01m, 100_000m), (reason.Value, reason.Threshold));
    }

    [Fact]
    public void ExposureExactlyAtLimitTimesOnePointOne_GoesToReview()
    {
        var result = Check(30_000m);

        Assert.Equal(OrderDecision.Review, result.Decision);
        Assert.Equal("review_over_limit", Assert.Single(result.Reasons).RuleId);
    }

    [Fact]
    public void ExposureJustAboveLimitTimesOnePointOne_IsBlocked()
    {
        var result = Check(30_000.01m);

        Assert.Equal(OrderDecision.Block, result.Decision);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("block_over_limit", reason.RuleId);
        Assert.Equal(110_000m, reason.Threshold);
        Assert.Equal("exposure 110,000.01 exceeds limit 100,000 by more than 10% (ceiling 110,000)", reason.Message);
    }

    [Fact]
    public void GradeD_IsBlocked_EvenWithinTheLimit()
    {
        var result = Check(1_000m, Grade.D);

        Assert.Equal(OrderDecision.Block, result.Decision);
        Assert.Equal("block_grade", Assert.Single(result.Reasons).RuleId);
    }

    [Fact]
    public void GradeC_GoesToReview_EvenWithinTheLimit()
    {
        var result = Check(1_000m, Grade.C);

        Assert.Equal(OrderDecision.Review, result.Decision);
        Assert.Equal("review_grade", Assert.Single(result.Reasons).RuleId);
    }

    [Theory]
    [InlineData(60, OrderDecision.Approve)]
    [InlineData(61, OrderDecision.Block)]
    public void InvoiceMoreThanSixtyDaysPastDue_IsBlocked(int oldestDpd, OrderDecision expected)
    {
        var result = Check(1_000m, oldestDpd: oldestDpd);

        Assert.Equal(expected, result.Decision);
        if (expected == OrderDecision.Block)
        {
            var reason = Assert.Single(result.Reasons);
            Assert.Equal(("block_days_past_due", 61m, 60m), (reason.RuleId, reason.Value, reason.Threshold));
        }
    }

    [Fact]
    public void NoGrantedLimit_GoesToReview()
    {
        var result = Check(1_000m, limit: null);

        Assert.Equal(OrderDecision.Review, result.Decision);
        Assert.Equal("review_no_limit", Assert.Single(result.Reasons).RuleId);
    }

    [Fact]
    public void NoGrantedLimit_IsApproved_WhenThePolicyDoesNotAskForReview()
    {
        var policy = PolicyText.With("review_without_limit: true", "review_without_limit: false");

        var result = Check(1_000m, limit: null, policy: policy);

        Assert.Equal(OrderDecision.Approve, result.Decision);
        Assert.Equal("approve_no_rule_fired", Assert.Single(result.Reasons).RuleId);
    }

    [Fact]
    public void EveryRuleThatFires_IsReported_BlocksFirst()
    {
        var result = Check(50_000m, Grade.C, oldestDpd: 90);

        Assert.Equal(OrderDecision.Block, result.Decision);
        Assert.Equal(new[] { "block_days_past_due", "block_over_limit", "review_grade" }, result.Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void NegativeAmounts_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Check(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check(1m, oldestDpd: -1));
    }

    [Fact]
    public void ALargerOrder_NeverGetsAMoreLenientDecision()
    {
        var cases = from grade in Gen.Elements(Grade.A, Grade.B, Grade.C, Grade.D, Grade.N)
                    from order in Gen.Choose(0, 200_000)
                    from more in Gen.Choose(0, 100_000)
                    from dpd in Gen.Choose(0, 90)
                    from limit in Gen.Elements<decimal?>(null, 0m, 50_000m, 100_000m)
                    select (grade, (decimal)order, (decimal)more, dpd, limit);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var small = Check(c.Item2, c.grade, c.dpd, c.limit).Decision;
            var large = Check(c.Item2 + c.Item3, c.grade, c.dpd, c.limit).Decision;
            return large >= small;
        }).QuickCheckThrowOnFailure();
    }
}
