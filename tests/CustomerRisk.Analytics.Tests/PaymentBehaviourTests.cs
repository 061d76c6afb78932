using static CustomerRisk.Analytics.Tests.LedgerBuilder;

namespace CustomerRisk.Analytics.Tests;

public sealed class PaymentBehaviourTests
{
    [Theory]
    [InlineData("1000", "1")]     // paid in full: 1,000 / 1,000 = 100%
    [InlineData("950", "0.95")]   // 950 / 1,000 = 95%
    [InlineData("900", "0.9")]    // 900 / 1,000 = 90%
    public void NetCollectionRate_IsCashAppliedToInvoicesDueInTheWindow_OverTheirAmount(string paid, string expected)
    {
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 1000m)
            .Payment("2025-03-31", decimal.Parse(paid, System.Globalization.CultureInfo.InvariantCulture))
            .Indicators("2025-06-30");

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), indicators.NetCollectionRate);
    }

    [Fact]
    public void NetCollectionRate_IsExact_SoThatTheRatingCanRoundIt()
    {
        // 99,999,999 / 100,000,000 = 0.99999999 exactly; rounded to 4 places it is 1.0000 (the rating's rule).
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 100_000_000m)
            .Payment("2025-03-31", 99_999_999m)
            .Indicators("2025-06-30");

        Assert.Equal(0.99999999m, indicators.NetCollectionRate);
        Assert.Equal(1.0000m, Math.Round(indicators.NetCollectionRate!.Value, 4));
    }

    [Fact]
    public void NetCollectionRate_IsLoweredByClaimsDatedInTheWindow()
    {
        // (1,000 applied − 50 claimed in W) / 1,000 = 0.95; the 80 claim of 2024-06-30 is before W and ignored.
        // claim_rate_12m = 50 / 1,000 sales = 0.05.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 1000m)
            .Payment("2025-03-31", 1000m)
            .Claim("2025-04-15", 50m)
            .Claim("2024-06-30", 80m)
            .Indicators("2025-06-30");

        Assert.Equal(0.95m, indicators.NetCollectionRate);
        Assert.Equal(0.05m, indicators.ClaimRate12m);
        Assert.Equal(50m, indicators.Claims12m);
    }

    [Fact]
    public void NetCollectionRate_CountsOnlyInvoicesDueInTheWindow()
    {
        // A is due 2024-06-30 (outside W) and unpaid; B is due in W and paid: 500 / 500 = 1.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2024-06-01", "2024-06-30", 700m)
            .Invoice("B", "2025-03-01", "2025-03-31", 500m)
            .Payment("2025-03-31", 500m, "B")
            .Indicators("2025-06-30");

        Assert.Equal(1m, indicators.NetCollectionRate);
        Assert.Equal(1, indicators.InvoicesDueInWindow);
    }

    [Fact]
    public void NetCollectionRate_IsNull_WhenEveryInvoiceFallsDueAfterTheAsOfDate()
    {
        // Due 2025-07-15 > T: D is empty, so the customer is N in the rating; open AR and sales still count.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-06-15", "2025-07-15", 1000m)
            .Indicators("2025-06-30");

        Assert.Null(indicators.NetCollectionRate);
        Assert.Null(indicators.MaxDaysLate);
        Assert.Null(indicators.PaymentDelayRate);
        Assert.Equal(0, indicators.InvoicesDueInWindow);
        Assert.Equal(1000m, indicators.OpenAr);
        Assert.Equal(1000m, indicators.Sales12m);
    }

    [Theory]
    [InlineData("2025-03-25", 0)]  // paid before the due date 03-31: not late
    [InlineData("2025-03-31", 0)]  // on the due date
    [InlineData("2025-04-04", 4)]  // 04-04 − 03-31 = 4
    [InlineData("2025-04-05", 5)]
    [InlineData("2025-04-09", 9)]
    [InlineData("2025-04-10", 10)]
    public void MaxDaysLate_IsSettledDateMinusDueDate(string paidOn, int expected)
    {
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 1000m)
            .Payment(paidOn, 1000m)
            .Indicators("2025-06-30");

        Assert.Equal(expected, indicators.MaxDaysLate);
    }

    [Fact]
    public void MaxDaysLate_OfAnInvoiceStillOpen_IsItsDaysPastDue()
    {
        // Due 06-20, open at 06-30: 10 days late; a partial payment does not stop the clock.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-05-21", "2025-06-20", 1000m)
            .Payment("2025-06-25", 999m)
            .Indicators("2025-06-30");

        Assert.Equal(10, indicators.MaxDaysLate);
        Assert.Equal(1m, indicators.PaymentDelayRate);
    }

    [Fact]
    public void OpenInvoiceDueOnTheAsOfDate_IsNotLate()
    {
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-05-31", "2025-06-30", 1000m)
            .Indicators("2025-06-30");

        Assert.Equal(0, indicators.MaxDaysLate);
        Assert.Equal(0m, indicators.PaymentDelayRate);
        Assert.Equal(1m, indicators.OnTimeRate);
        Assert.Equal(0m, indicators.NetCollectionRate);
    }

    [Fact]
    public void AvgDaysLate_IsWeightedByAmount_AndDelayRateIsByCount()
    {
        // A 1,000 paid 10 days late, B 3,000 on time: avg = (10 × 1,000 + 0 × 3,000) / 4,000 = 2.5 days;
        // delay rate 1 of 2 = 0.5; on time 0.5; max 10.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 1000m)
            .Invoice("B", "2025-04-01", "2025-05-01", 3000m)
            .Payment("2025-04-10", 1000m, "A")
            .Payment("2025-05-01", 3000m, "B")
            .Indicators("2025-06-30");

        Assert.Equal(2.5m, indicators.AvgDaysLate);
        Assert.Equal(0.5m, indicators.PaymentDelayRate);
        Assert.Equal(0.5m, indicators.OnTimeRate);
        Assert.Equal(10, indicators.MaxDaysLate);
    }

    [Fact]
    public void InvoicePaidFromCreditOnItsIssueDate_IsOnTime()
    {
        // A prepayment of 500 on 02-15 is credit; A (500) issued 03-01 takes it that day, before its due date 03-31.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 500m)
            .Payment("2025-02-15", 500m)
            .Indicators("2025-06-30");

        Assert.Equal(0, indicators.MaxDaysLate);
        Assert.Equal(1m, indicators.NetCollectionRate);
        Assert.Equal(0m, indicators.UnappliedCredit);
    }

    [Fact]
    public void LaterPaymentToAnInvoiceDueSooner_CanLowerMaxDaysLate_BecauseCashGoesOldestFirstOnItsDate()
    {
        // The spec's rule applies cash as of the payment date. A (issued 01-01, due 04-10) and B (issued 01-10, due
        // 01-20), 100 each. Paid 100 on 01-05 (only A exists: A settled on time) and 100 on 01-30 (B, 10 days late):
        // max 10. Paid instead on 01-15, both exist, B is the older debt and is settled on time; the 01-30 payment
        // settles A on time: max 0. Documented in docs/indicators.md; the property test uses uniform terms.
        var early = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-04-10", 100m)
            .Invoice("B", "2025-01-10", "2025-01-20", 100m)
            .Payment("2025-01-05", 100m)
            .Payment("2025-01-30", 100m)
            .Indicators("2025-06-30");
        var later = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-04-10", 100m)
            .Invoice("B", "2025-01-10", "2025-01-20", 100m)
            .Payment("2025-01-15", 100m)
            .Payment("2025-01-30", 100m)
            .Indicators("2025-06-30");

        Assert.Equal(10, early.MaxDaysLate);
        Assert.Equal(0, later.MaxDaysLate);
    }

    [Fact]
    public void LaterPaymentNamingAnInvoiceNotYetIssued_CanLowerMaxDaysLate_BecauseItThenPaysTheInvoiceItNames()
    {
        // A (issued 01-01, due 06-30) and B (issued 01-10, due 01-20), 100 each. 100 arrives naming B: on 01-05 B does
        // not exist yet, so the cash goes oldest-first to A; B waits for the 100 of 02-09, 20 days late. The same
        // payment on 01-15 pays B, on time, and the 02-09 payment settles A, on time: paying later lowered the max.
        var early = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-06-30", 100m)
            .Invoice("B", "2025-01-10", "2025-01-20", 100m)
            .Payment("2025-01-05", 100m, "B")
            .Payment("2025-02-09", 100m)
            .Indicators("2025-12-31");
        var later = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-06-30", 100m)
            .Invoice("B", "2025-01-10", "2025-01-20", 100m)
            .Payment("2025-01-15", 100m, "B")
            .Payment("2025-02-09", 100m)
            .Indicators("2025-12-31");

        Assert.Equal(20, early.MaxDaysLate);
        Assert.Equal(0, later.MaxDaysLate);
    }
}
