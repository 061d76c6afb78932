using CustomerRisk.Domain;

namespace CustomerRisk.Policy.Tests;

public sealed class ReviewScheduleTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    [Theory]
    [InlineData(Grade.A, "2026-06-30")]
    [InlineData(Grade.B, "2025-12-30")]
    [InlineData(Grade.C, "2025-09-30")]
    [InlineData(Grade.D, "2025-07-30")]
    [InlineData(Grade.N, "2025-09-30")]
    public void NextReview_IsTheLastReviewPlusTheGradesInterval(Grade grade, string expected)
    {
        var plan = ReviewSchedule.Plan(new ReviewInputs(grade, grade, new DateOnly(2025, 6, 30), null, false), new DateOnly(2025, 7, 1), s_policy);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), plan.NextReview);
        Assert.Equal("last_review", plan.Basis);
    }

    [Theory]
    [InlineData("2025-12-29", false)]
    [InlineData("2025-12-30", true)]
    public void Review_IsDueOnTheNextReviewDate_NotTheDayBefore(string asOf, bool due)
    {
        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.B, Grade.B, new DateOnly(2025, 6, 30), null, false), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), s_policy);

        Assert.Equal(due, plan.Due);
        Assert.Equal(due ? new[] { "interval" } : [], plan.Triggers);
    }

    [Fact]
    public void NeverReviewed_CountsFromCustomerSince()
    {
        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.C, null, null, new DateOnly(2025, 1, 31), false), new DateOnly(2025, 3, 1), s_policy);

        Assert.Equal(new DateOnly(2025, 4, 30), plan.NextReview);
        Assert.False(plan.Due);
        Assert.Equal("customer_since", plan.Basis);
    }

    [Fact]
    public void NeverReviewed_WithoutAStart_IsDueOnT()
    {
        var asOf = new DateOnly(2025, 3, 1);

        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.N, null, null, null, false), asOf, s_policy);

        Assert.Equal(asOf, plan.NextReview);
        Assert.True(plan.Due);
        Assert.Equal(new[] { "never_reviewed" }, plan.Triggers);
    }

    [Fact]
    public void GradeDrop_MakesAReviewDueAtOnce()
    {
        var asOf = new DateOnly(2025, 7, 1);

        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.C, Grade.B, new DateOnly(2025, 6, 30), null, false), asOf, s_policy);

        Assert.True(plan.Due);
        Assert.Equal(asOf, plan.NextReview);
        Assert.Equal(new[] { "grade_drop" }, plan.Triggers);
    }

    [Fact]
    public void ExtremeAlert_MakesAReviewDueAtOnce()
    {
        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.A, Grade.A, new DateOnly(2025, 6, 30), null, true), new DateOnly(2025, 7, 1), s_policy);

        Assert.True(plan.Due);
        Assert.Equal(new[] { "extreme_alert" }, plan.Triggers);
    }

    [Fact]
    public void GradeRiseOrMoveFromN_IsNoTrigger()
    {
        var asOf = new DateOnly(2025, 7, 1);

        Assert.False(ReviewSchedule.Plan(new ReviewInputs(Grade.A, Grade.B, new DateOnly(2025, 6, 30), null, false), asOf, s_policy).Due);
        Assert.False(ReviewSchedule.Plan(new ReviewInputs(Grade.D, Grade.N, new DateOnly(2025, 6, 30), null, false), asOf, s_policy).Due);
    }

    [Fact]
    public void NeverReviewedSinceJoiningYearsAgo_KeepsTheSpecsDate_AndIsOverdueByTheDaysSince()
    {
        // Grade B, customer since 2020-03-15: the first review fell due on 2020-09-15, 2,267 days before 2026-11-30.
        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.B, Grade.B, null, new DateOnly(2020, 3, 15), false), new DateOnly(2026, 11, 30), s_policy);

        Assert.Equal((new DateOnly(2020, 9, 15), true, "customer_since", "interval"), (plan.NextReview, plan.Due, plan.Basis, plan.Triggers.Single()));
        Assert.Equal((2267, true), (plan.DaysOverdue, plan.Overdue));
    }

    [Theory]
    [InlineData("2025-12-29", false, 0)]
    [InlineData("2025-12-30", true, 0)]
    [InlineData("2025-12-31", true, 1)]
    public void DaysOverdue_IsZeroUpToTheScheduledDay_AndCountsFromTheDayAfter(string asOf, bool due, int overdue)
    {
        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.B, Grade.B, new DateOnly(2025, 6, 30), null, false),
            DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), s_policy);

        Assert.Equal((due, overdue, new DateOnly(2025, 12, 30)), (plan.Due, plan.DaysOverdue, plan.NextReview));
    }

    [Fact]
    public void AGradeDropBeforeTheScheduledDate_IsDueAtT_ButNotOverdue()
    {
        var plan = ReviewSchedule.Plan(new ReviewInputs(Grade.C, Grade.B, new DateOnly(2025, 6, 30), null, false), new DateOnly(2025, 7, 1), s_policy);

        Assert.Equal((new DateOnly(2025, 7, 1), true, 0), (plan.NextReview, plan.Due, plan.DaysOverdue));
    }
}
