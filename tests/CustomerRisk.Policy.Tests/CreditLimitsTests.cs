using CustomerRisk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Policy.Tests;

public sealed class CreditLimitsTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    private static LimitRecommendation Recommend(Grade grade, decimal? sales, decimal? revenue = null) =>
        CreditLimits.Recommend(new LimitInputs(grade, sales, revenue), s_policy);

    [Fact]
    public void GradeA_GetsOneAndAHalfTimesMonthlySalesTimesTwoAndAHalf()
    {
        // 1.5 × (1,200,000 / 12) × (60 / 30 + 0.5) = 1.5 × 100,000 × 2.5 = 375,000
        var result = Recommend(Grade.A, 1_200_000m);

        Assert.Equal(375_000m, result.Limit);
        Assert.Equal(60, result.TermsDays);
        Assert.Equal("none", result.Requirement);
    }

    [Theory]
    [InlineData(Grade.B, 12_000)] // 1.0 × 8,333.33 × 1.5 = 12,500 → 12,000
    [InlineData(Grade.C, 6_000)]  // 0.5 × 8,333.33 × 1.5 = 6,250 → 6,000
    public void Limit_IsRoundedDownToTheStep(Grade grade, int expected)
    {
        var result = Recommend(grade, 100_000m);

        Assert.Equal(expected, result.Limit);
    }

    [Fact]
    public void Limit_IsCappedAtTenPercentOfAnnualRevenue_ThenRoundedDown()
    {
        // formula 375,000; cap 0.10 × 2,999,999 = 299,999.9 → 299,000
        var result = Recommend(Grade.A, 1_200_000m, 2_999_999m);

        Assert.Equal(299_000m, result.Limit);
        Assert.Contains(result.Log, s => s.Name == "revenue_cap" && s.Value == 299_999.9m);
        Assert.Contains(result.Log, s => s.Name == "capped_limit" && s.Detail == "the revenue cap applies");
    }

    [Fact]
    public void RevenueCapAboveTheFormula_ChangesNothing()
    {
        // cap 0.10 × 3,755,000 = 375,500 > 375,000
        var result = Recommend(Grade.A, 1_200_000m, 3_755_000m);

        Assert.Equal(375_000m, result.Limit);
        Assert.Contains(result.Log, s => s.Name == "capped_limit" && s.Detail == "below the revenue cap");
    }

    [Fact]
    public void CapExactlyAtTheFormula_GivesTheFormula()
    {
        var result = Recommend(Grade.A, 1_200_000m, 3_750_000m);

        Assert.Equal(375_000m, result.Limit);
    }

    [Fact]
    public void GradeN_GetsTheStarterLimit_WhateverItsSales()
    {
        Assert.Equal(10_000m, Recommend(Grade.N, 5_000_000m).Limit);
        Assert.Equal(10_000m, Recommend(Grade.N, null).Limit);
    }

    [Fact]
    public void GradeD_GetsNoCredit_AndHeldOrders()
    {
        var result = Recommend(Grade.D, 5_000_000m);

        Assert.Equal(0m, result.Limit);
        Assert.Equal(0, result.TermsDays);
        Assert.True(result.HoldOrders);
        Assert.Equal(1m, result.PrepaymentShare);
    }

    [Fact]
    public void CalculationLog_ListsInputsEachStepAndThePolicyVersion()
    {
        var result = Recommend(Grade.A, 1_200_000m, 3_000_000m);

        Assert.Equal(
            new[] { "grade", "sales_12m", "limit_factor", "terms_days", "monthly_sales", "terms_multiplier", "formula_limit", "annual_revenue", "revenue_cap", "capped_limit", "limit" },
            result.Log.Select(s => s.Name));
        Assert.Equal(s_policy.Version, result.PolicyVersion);
        Assert.Contains("formula_limit = 375000 (1.5 × 100,000 × 2.5)", result.LogText, StringComparison.Ordinal);
        Assert.EndsWith($"policy {s_policy.Version}", result.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeSales_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Recommend(Grade.A, -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recommend(Grade.A, 1m, -1m));
    }

    [Fact]
    public void Limit_IsAMultipleOfTheStep_NeverAboveTheCap_AndNeverFallsAsSalesRise()
    {
        var cases = from grade in Gen.Elements(Grade.A, Grade.B, Grade.C)
                    from sales in Gen.Choose(0, int.MaxValue)
                    from more in Gen.Choose(0, 1_000_000)
                    from revenue in Gen.Choose(0, int.MaxValue)
                    select (grade, (decimal)sales, (decimal)more, (decimal)revenue);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (grade, sales, more, revenue) = c;
            var capped = Recommend(grade, sales, revenue).Limit;
            var low = Recommend(grade, sales).Limit;
            var high = Recommend(grade, sales + more).Limit;
            return capped % 1000m == 0m && capped <= revenue * 0.10m && capped >= 0m && high >= low;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WithoutExplanation_TheFiguresAreTheSame_AndTheLogIsEmpty()
    {
        var cases = from grade in Gen.Elements(Grade.A, Grade.B, Grade.C, Grade.D, Grade.N)
                    from sales in Gen.Choose(0, int.MaxValue)
                    from revenue in Gen.Choose(-1, int.MaxValue)
                    select new LimitInputs(grade, sales, revenue < 0 ? null : revenue);

        Prop.ForAll(cases.ToArbitrary(), inputs =>
        {
            var explained = CreditLimits.Recommend(inputs, s_policy);
            var bare = CreditLimits.Recommend(inputs, s_policy, explain: false);
            return bare.Log.Count == 0 && explained.Log.Count > 0 && bare == explained with { Log = bare.Log };
        }).QuickCheckThrowOnFailure();
    }
}
