using CustomerRisk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Policy.Tests;

public sealed class RatingEngineTests
{
    private static readonly CreditPolicy s_policy = CreditPolicy.Default;

    private static RatingResult Rate(decimal? rate, int? daysLate, ProductFocus? focus = null, int due = 5) =>
        RatingEngine.Rate(new RatingInputs(rate, daysLate, focus, due), s_policy);

    [Theory]
    [InlineData("1.00", Grade.A)]
    [InlineData("0.99999999", Grade.A)]
    [InlineData("0.99995", Grade.A)]
    [InlineData("0.9999", Grade.B)]
    [InlineData("0.99994", Grade.B)]
    [InlineData("0.95", Grade.B)]
    [InlineData("0.9499", Grade.C)]
    [InlineData("0.90", Grade.C)]
    [InlineData("0.8999", Grade.D)]
    [InlineData("1.25", Grade.A)]
    [InlineData("0", Grade.D)]
    public void CollectionComponent_FollowsTheThresholds_AfterRoundingToFourPlaces(string rate, Grade expected)
    {
        var grade = RatingEngine.CollectionGrade(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), s_policy.Rating);

        Assert.Equal(expected, grade);
    }

    [Theory]
    [InlineData(0, Grade.A)]
    [InlineData(1, Grade.B)]
    [InlineData(4, Grade.B)]
    [InlineData(5, Grade.C)]
    [InlineData(9, Grade.C)]
    [InlineData(10, Grade.D)]
    [InlineData(400, Grade.D)]
    public void TimelinessComponent_FollowsTheThresholds(int daysLate, Grade expected)
    {
        Assert.Equal(expected, RatingEngine.TimelinessGrade(daysLate, s_policy.Rating));
    }

    [Theory]
    [InlineData(ProductFocus.Exclusive, Grade.A)]
    [InlineData(ProductFocus.MainlyOurs, Grade.B)]
    [InlineData(ProductFocus.Equal, Grade.C)]
    [InlineData(ProductFocus.MainlyCompetitor, Grade.D)]
    public void FocusComponent_FollowsTheProductFocus(ProductFocus focus, Grade expected)
    {
        Assert.Equal(expected, Rate(1.00m, 0, focus).Focus);
    }

    // The seed's own list (seed 004): AAA, AAB → A; ABB, BBB → B; BBC, BCC, CCC → C. Each component letter is
    // produced from real inputs: collection A=1.00, B=0.97, C=0.92; timeliness A=0, B=3, C=7; focus A/B/C.
    [Theory]
    [InlineData("AAA", Grade.A)]
    [InlineData("AAB", Grade.A)]
    [InlineData("ABA", Grade.A)]
    [InlineData("BAA", Grade.A)]
    [InlineData("ABB", Grade.B)]
    [InlineData("BAB", Grade.B)]
    [InlineData("BBA", Grade.B)]
    [InlineData("BBB", Grade.B)]
    [InlineData("BBC", Grade.C)]
    [InlineData("CBB", Grade.C)]
    [InlineData("BCC", Grade.C)]
    [InlineData("CCB", Grade.C)]
    [InlineData("CCC", Grade.C)]
    [InlineData("AAC", Grade.B)]
    [InlineData("ACC", Grade.C)]
    [InlineData("ABC", Grade.B)]
    public void SeedCombinations_GiveTheSeedsGrade(string letters, Grade expected)
    {
        decimal[] rates = [1.00m, 0.97m, 0.92m];
        int[] days = [0, 3, 7];
        ProductFocus[] focus = [ProductFocus.Exclusive, ProductFocus.MainlyOurs, ProductFocus.Equal];

        var result = Rate(rates[letters[0] - 'A'], days[letters[1] - 'A'], focus[letters[2] - 'A']);

        Assert.Equal(expected, result.Grade);
        Assert.Equal(letters, $"{result.Collection}{result.Timeliness}{result.Focus}");
        Assert.False(result.Vetoed);
    }

    [Theory]
    [InlineData("0.85", 0, ProductFocus.Exclusive)]
    [InlineData("1.00", 10, ProductFocus.Exclusive)]
    [InlineData("1.00", 0, ProductFocus.MainlyCompetitor)]
    [InlineData("0.80", 30, ProductFocus.MainlyCompetitor)]
    public void AnyDComponent_GivesDVetoed(string rate, int daysLate, ProductFocus focus)
    {
        var result = Rate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), daysLate, focus);

        Assert.Equal(Grade.D, result.Grade);
        Assert.True(result.Vetoed);
        Assert.Null(result.MeanScore);
    }

    [Fact]
    public void NoInvoiceDueInWindow_GivesN_WhateverTheFocus()
    {
        var result = RatingEngine.Rate(new RatingInputs(null, null, ProductFocus.MainlyCompetitor, 0), s_policy);

        Assert.Equal(Grade.N, result.Grade);
        Assert.False(result.Vetoed);
        Assert.Equal(Grade.D, result.Focus);
        Assert.Null(result.Collection);
    }

    [Fact]
    public void MissingFocus_IsLeftOutOfTheMean()
    {
        var result = Rate(1.00m, 3);

        Assert.Equal(Grade.B, result.Grade);
        Assert.Equal(2.5m, result.MeanScore);
        Assert.Null(result.Focus);
    }

    [Fact]
    public void MeanOfEightThirds_IsComparedExactly()
    {
        var result = Rate(1.00m, 0, ProductFocus.MainlyOurs);

        Assert.Equal(Grade.A, result.Grade);
        Assert.Equal(8m / 3m, result.MeanScore);
    }

    [Fact]
    public void ExpertScore_OnlyInforms_ByDefault()
    {
        var result = RatingEngine.Rate(new RatingInputs(0.97m, 3, null, 5, ExpertScore: 5m), s_policy);

        Assert.Equal(Grade.B, result.Grade);
        Assert.Equal(0, result.ExpertStep);
    }

    [Theory]
    [InlineData("0.97", 3, "5", Grade.A, 1)]
    [InlineData("0.97", 3, "4.5", Grade.A, 1)]
    [InlineData("0.97", 3, "4", Grade.B, 0)]
    [InlineData("0.97", 3, "2", Grade.C, -1)]
    [InlineData("0.92", 7, "1", Grade.C, 0)]
    [InlineData("1.00", 0, "5", Grade.A, 0)]
    [InlineData("0.80", 0, "5", Grade.D, 0)]
    public void ExpertScore_MovesTheGradeOneStep_WhenThePolicySaysSo(string rate, int daysLate, string expert, Grade expected, int step)
    {
        var policy = PolicyText.With("mode: inform", "mode: one_step");
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        var result = RatingEngine.Rate(new RatingInputs(decimal.Parse(rate, inv), daysLate, null, 5, decimal.Parse(expert, inv)), policy);

        Assert.Equal(expected, result.Grade);
        Assert.Equal(step, result.ExpertStep);
    }

    [Fact]
    public void ExpertScore_NeverMovesN()
    {
        var policy = PolicyText.With("mode: inform", "mode: one_step");

        var result = RatingEngine.Rate(new RatingInputs(null, null, null, 0, 1m), policy);

        Assert.Equal(Grade.N, result.Grade);
    }

    [Fact]
    public void NegativeDaysLate_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate(1m, -1));
    }

    private static readonly Gen<decimal?> s_rates =
        Gen.Frequency((1, Gen.Constant<decimal?>(null)), (6, Gen.Choose(8500, 10200).Select(i => (decimal?)(i / 10000m))));

    private static readonly Gen<int?> s_days =
        Gen.Frequency((1, Gen.Constant<int?>(null)), (6, Gen.Choose(0, 15).Select(i => (int?)i)));

    private static readonly Gen<ProductFocus?> s_focus =
        Gen.Elements<ProductFocus?>(null, ProductFocus.Exclusive, ProductFocus.MainlyOurs, ProductFocus.Equal, ProductFocus.MainlyCompetitor);

    private static readonly Gen<RatingInputs> s_inputs =
        from rate in s_rates
        from days in s_days
        from focus in s_focus
        from due in Gen.Choose(0, 3)
        select new RatingInputs(rate, days, focus, due);

    // The seed's AAB → A means a grade can be one step better than its worst component, never more: a mean of at
    // least 8/3 from three components allows one B at most, and a mean of at least 2 allows one C beside two A.
    // Nor is a grade ever better than its best component.
    [Fact]
    public void Grade_IsAtMostOneStepBetterThanItsWorstComponent_AndNeverBetterThanItsBest()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            var result = RatingEngine.Rate(inputs, s_policy);
            if (result.Grade == Grade.N)
            {
                return true;
            }

            var present = new[] { result.Collection, result.Timeliness, result.Focus }.Where(g => g is not null).Select(g => g!.Value).ToArray();
            return result.Grade >= present.Max() - 1 && result.Grade >= present.Min();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Grade_IsNeverA_WhenAComponentIsCOrWorse()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            var result = RatingEngine.Rate(inputs, s_policy);
            var present = new[] { result.Collection, result.Timeliness, result.Focus }.Where(g => g is not null).Select(g => g!.Value).ToArray();
            return result.Grade == Grade.N || present.Max() < Grade.C || result.Grade >= Grade.B;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AddingADComponent_AlwaysGivesD()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            var withDFocus = inputs with { Focus = ProductFocus.MainlyCompetitor, InvoicesDueInWindow = Math.Max(1, inputs.InvoicesDueInWindow), MaxDaysLate = inputs.MaxDaysLate ?? 0 };
            var withLateness = inputs with { MaxDaysLate = 10, InvoicesDueInWindow = Math.Max(1, inputs.InvoicesDueInWindow) };
            var a = RatingEngine.Rate(withDFocus, s_policy);
            var b = RatingEngine.Rate(withLateness, s_policy);
            return a.Grade == Grade.D && a.Vetoed && b.Grade == Grade.D && b.Vetoed;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Grade_IsNOnlyWithoutInvoicesDue_OrWithoutPaymentFigures()
    {
        Prop.ForAll(s_inputs.ToArbitrary(), inputs =>
        {
            var result = RatingEngine.Rate(inputs, s_policy);
            var expectN = inputs.InvoicesDueInWindow == 0 || (inputs.NetCollectionRate is null && inputs.MaxDaysLate is null);
            return (result.Grade == Grade.N) == expectN;
        }).QuickCheckThrowOnFailure();
    }
}
