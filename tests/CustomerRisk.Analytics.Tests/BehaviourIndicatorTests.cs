using CustomerRisk.Domain;
using static CustomerRisk.Analytics.Tests.LedgerBuilder;

namespace CustomerRisk.Analytics.Tests;

public sealed class BehaviourIndicatorTests
{
    // T = 2025-06-30: the recent window is (2025-03-31, 2025-06-30], the prior 273 days (2024-07-01, 2025-03-31].
    private const string AsOf = "2025-06-30";

    [Fact]
    public void FrequencyChange_ComparesTheLast3MonthsWithThePrior9MonthsMonthlyAverage()
    {
        // 6 invoices of 100 in the recent window, 9 of 200 before it (one a month, Jul–Mar).
        // prior monthly 9 / 9 = 1; frequency (6 / 3) / 1 − 1 = 1 (doubled); amount (600 / 3) / (1,800 / 9) − 1 = 0.
        var ledger = new LedgerBuilder();
        string[] recent = ["2025-04-05", "2025-04-20", "2025-05-05", "2025-05-20", "2025-06-05", "2025-06-20"];
        foreach (var day in recent)
        {
            ledger.Invoice("R" + day, day, day, 100m);
        }

        for (var month = 0; month < 9; month++)
        {
            var day = D("2024-07-15").AddMonths(month);
            ledger.Invoice("P" + month, day, day, 200m);
        }

        var indicators = ledger.Indicators(AsOf);

        Assert.Equal(6, indicators.Invoices3m);
        Assert.Equal(1m, indicators.InvoicesPrior9mMonthly);
        Assert.Equal(1m, indicators.FrequencyChange);
        Assert.Equal(0m, indicators.AmountChange);
    }

    [Fact]
    public void FrequencyChange_ShowsADrop()
    {
        // 1 recent, 9 prior: (1 / 3) / (9 / 9) − 1 = −2/3; amounts 50 vs 9 × 100: (50 / 3) / 100 − 1 = −5/6.
        var ledger = new LedgerBuilder().Invoice("R", "2025-05-01", "2025-05-31", 50m);
        for (var month = 0; month < 9; month++)
        {
            var day = D("2024-07-15").AddMonths(month);
            ledger.Invoice("P" + month, day, day, 100m);
        }

        var indicators = ledger.Indicators(AsOf);

        Assert.Equal(-0.666667m, Math.Round(indicators.FrequencyChange!.Value, 6));
        Assert.Equal(-0.833333m, Math.Round(indicators.AmountChange!.Value, 6));
    }

    [Fact]
    public void BehaviourWindows_AreOpenAtTheStartAndClosedAtTheEnd()
    {
        // 2025-04-01 is recent; 2025-03-31 is the last day of the prior window; 2024-07-01 is in neither.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-04-01", "2025-04-01", 1m)
            .Invoice("B", "2025-03-31", "2025-03-31", 1m)
            .Invoice("C", "2024-07-01", "2024-07-01", 1m)
            .Indicators(AsOf);

        Assert.Equal(1, indicators.Invoices3m);
        Assert.Equal(1m / 9m, indicators.InvoicesPrior9mMonthly);
    }

    [Fact]
    public void FrequencyChange_IsNull_WhenNothingWasInvoicedInThePriorWindow()
    {
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 100m)
            .Indicators(AsOf);

        Assert.Equal(1, indicators.Invoices3m);
        Assert.Equal(0m, indicators.InvoicesPrior9mMonthly);
        Assert.Null(indicators.FrequencyChange);
        Assert.Null(indicators.AmountChange);
    }

    [Fact]
    public void TypicalInterval_IsTheMedianGap_AndALongSilenceIsDormant()
    {
        // Issued 01-01, 01-11, 01-31, 02-10: gaps 10, 20, 10 → median 10. Last invoice 02-10: 18 + 31 + 30 + 31 + 30
        // = 140 days ago > max(2 × 10, 30) = 30 → dormant.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-01-31", 1m)
            .Invoice("B", "2025-01-11", "2025-02-10", 1m)
            .Invoice("C", "2025-01-31", "2025-03-02", 1m)
            .Invoice("D", "2025-02-10", "2025-03-12", 1m)
            .Indicators(AsOf);

        Assert.Equal(10m, indicators.TypicalInterval);
        Assert.Equal(140, indicators.DaysSinceLastInvoice);
        Assert.True(indicators.Dormant);
    }

    [Fact]
    public void TypicalInterval_OfAnEvenNumberOfGaps_IsTheMeanOfTheMiddleTwo()
    {
        // Gaps 10, 20, 30, 40 → (20 + 30) / 2 = 25. Last invoice 04-11, 80 days ago > max(50, 30) → dormant.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-01-01", 1m)
            .Invoice("B", "2025-01-11", "2025-01-11", 1m)
            .Invoice("C", "2025-01-31", "2025-01-31", 1m)
            .Invoice("D", "2025-03-02", "2025-03-02", 1m)
            .Invoice("E", "2025-04-11", "2025-04-11", 1m)
            .Indicators(AsOf);

        Assert.Equal(25m, indicators.TypicalInterval);
        Assert.Equal(80, indicators.DaysSinceLastInvoice);
        Assert.True(indicators.Dormant);
    }

    [Fact]
    public void Dormant_IsFalse_WithinTwiceTheTypicalInterval()
    {
        // Gaps 20, 20 → 20; last invoice 06-10, 20 days ago, not above max(40, 30) = 40.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 1m)
            .Invoice("B", "2025-05-21", "2025-06-20", 1m)
            .Invoice("C", "2025-06-10", "2025-07-10", 1m)
            .Indicators(AsOf);

        Assert.Equal(20m, indicators.TypicalInterval);
        Assert.False(indicators.Dormant);
    }

    [Fact]
    public void TypicalInterval_CountsInvoicesOfTheSameDayAsAGapOfZero()
    {
        // 06-01, 06-01, 06-21: gaps 0 and 20 → median 10.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-06-01", "2025-07-01", 1m)
            .Invoice("B", "2025-06-01", "2025-07-01", 1m)
            .Invoice("C", "2025-06-21", "2025-07-21", 1m)
            .Indicators(AsOf);

        Assert.Equal(10m, indicators.TypicalInterval);
    }

    [Fact]
    public void TypicalInterval_IsNull_WithFewerThanThreeInvoicesInTheLookback()
    {
        // The lookback is (2023-07-01, 2025-06-30]: 2023-06-01 and 2023-07-01 are outside, leaving two invoices.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2023-06-01", "2023-07-01", 1m)
            .Invoice("B", "2023-07-01", "2023-07-31", 1m)
            .Invoice("C", "2024-01-01", "2024-01-31", 1m)
            .Invoice("D", "2025-01-01", "2025-01-31", 1m)
            .Indicators(AsOf);

        Assert.Null(indicators.TypicalInterval);
    }

    [Theory]
    [InlineData("2025-05-30", 31, true)]   // 31 > max(2 × none, 30) = 30
    [InlineData("2025-05-31", 30, false)]  // 30 is not above 30
    public void Dormant_WithoutATypicalInterval_MeansMoreThan30DaysSilent(string lastIssue, int daysSince, bool dormant)
    {
        var indicators = new LedgerBuilder()
            .Invoice("A", lastIssue, lastIssue, 1m)
            .Indicators(AsOf);

        Assert.Equal(daysSince, indicators.DaysSinceLastInvoice);
        Assert.Equal(dormant, indicators.Dormant);
    }

    [Fact]
    public void InteractionCounts_UseTheirWindows()
    {
        // T − 90 = 2025-04-01 and T − 180 = 2025-01-01 are just outside; records after T do not count.
        var indicators = new LedgerBuilder()
            .Interaction("2025-04-01", InteractionType.Complaint)
            .Interaction("2025-04-02", InteractionType.Complaint)
            .Interaction("2025-06-30", InteractionType.Complaint)
            .Interaction("2025-07-01", InteractionType.Complaint)
            .Interaction("2025-04-02", InteractionType.Dispute)
            .Interaction("2025-01-01", InteractionType.BrokenPromise)
            .Interaction("2025-01-02", InteractionType.BrokenPromise)
            .Interaction("2025-06-01", InteractionType.PromiseToPay)
            .Indicators(AsOf);

        Assert.Equal(2, indicators.Complaints90d);
        Assert.Equal(1, indicators.Disputes90d);
        Assert.Equal(1, indicators.BrokenPromises180d);
    }
}
