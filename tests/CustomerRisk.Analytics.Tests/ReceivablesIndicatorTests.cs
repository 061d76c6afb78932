using CustomerRisk.Domain;
using static CustomerRisk.Analytics.Tests.LedgerBuilder;

namespace CustomerRisk.Analytics.Tests;

public sealed class ReceivablesIndicatorTests
{
    private static readonly DateOnly AsOf = D("2025-06-30");

    [Fact]
    public void Aging_PutsEachOpenAmountInTheBucketOfItsDaysPastDue_AtEveryEdge()
    {
        // dpd → amount: −15 → 2 and 0 → 1 (current 3); 1 → 4, 30 → 8 (d1_30 12); 31 → 16, 60 → 32 (d31_60 48);
        // 61 → 64, 90 → 128 (d61_90 192); 91 → 256, 180 → 512 (d91_180 768); 181 → 1024 (d181_plus).
        // Total 2,047; overdue 2,047 − 3 = 2,044; oldest dpd 181.
        var ledger = new LedgerBuilder();
        (int Dpd, decimal Amount)[] rows =
            [(-15, 2m), (0, 1m), (1, 4m), (30, 8m), (31, 16m), (60, 32m), (61, 64m), (90, 128m), (91, 256m), (180, 512m), (181, 1024m)];
        foreach (var (dpd, amount) in rows)
        {
            var due = AsOf.AddDays(-dpd);
            ledger.Invoice($"I{dpd + 100:D3}", due.AddDays(-30), due, amount);
        }

        var indicators = IndicatorCalculator.Compute(ledger.Build(), AsOf, IndicatorPolicy.Default);

        Assert.Equal(new AgingBuckets(3m, 12m, 48m, 192m, 768m, 1024m), indicators.Aging);
        Assert.Equal(2047m, indicators.OpenAr);
        Assert.Equal(2047m, indicators.Aging.Total);
        Assert.Equal(2044m, indicators.OverdueAr);
        Assert.Equal(181, indicators.OldestDaysPastDue);
    }

    [Fact]
    public void Aging_FollowsThePolicysEdges()
    {
        // Edges 0, 10, 20, 30, 40 make buckets 0 | 1–10 | 11–20 | 21–30 | 31–40 | 41+: an invoice 25 days past due
        // lands in the fourth (the d61_90 slot), one 45 days past due in the last.
        var policy = IndicatorPolicy.Default with { AgingBucketEdges = [0, 10, 20, 30, 40] };
        var ledger = new LedgerBuilder()
            .Invoice("A", AsOf.AddDays(-60), AsOf.AddDays(-25), 100m)
            .Invoice("B", AsOf.AddDays(-60), AsOf.AddDays(-45), 7m);

        var indicators = IndicatorCalculator.Compute(ledger.Build(), AsOf, policy);

        Assert.Equal(new AgingBuckets(0m, 0m, 0m, 100m, 0m, 7m), indicators.Aging);
    }

    [Fact]
    public void OpenAr_IsNotChangedByClaims()
    {
        // A claim concedes money but pays no invoice: open AR stays 1,000.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 1000m)
            .Claim("2025-06-01", 200m)
            .Indicators("2025-06-30");

        Assert.Equal(1000m, indicators.OpenAr);
        Assert.Equal(200m, indicators.Claims12m);
    }

    [Fact]
    public void Sales12m_CountsInvoicesIssuedInTheReviewWindowOnly()
    {
        // W = (2024-06-30, 2025-06-30]: 2024-06-30 is outside, 2024-07-01 and 2025-06-30 inside: 20 + 300 = 320.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2024-06-30", "2024-07-30", 1m)
            .Invoice("B", "2024-07-01", "2024-07-31", 20m)
            .Invoice("C", "2025-06-30", "2025-07-30", 300m)
            .Indicators("2025-06-30");

        Assert.Equal(320m, indicators.Sales12m);
        Assert.True(indicators.HasInvoiceInWindow);
        Assert.True(indicators.HasInvoiceInPriorWindow);
    }

    [Fact]
    public void Dso_AndTurnover_FollowTheSeedFormulas()
    {
        // Sales in W 1,000 (two invoices of 500); 250 still open. turnover = 1,000 / 250 = 4;
        // dso = 365 × 250 / 1,000 = 91.25 (= 365 / 4).
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 500m)
            .Invoice("B", "2025-05-01", "2025-05-31", 500m)
            .Payment("2025-04-01", 750m)
            .Indicators("2025-06-30");

        Assert.Equal(250m, indicators.OpenAr);
        Assert.Equal(4m, indicators.ArTurnover);
        Assert.Equal(91.25m, indicators.Dso);
    }

    [Fact]
    public void Dso_IsZero_AndTurnoverNull_WhenNothingIsOpen()
    {
        // Everything paid: open AR 0 → dso 0 (nothing outstanding), turnover 1,000 / 0 has no value.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 1000m)
            .Payment("2025-03-31", 1000m)
            .Indicators("2025-06-30");

        Assert.Equal(0m, indicators.Dso);
        Assert.Null(indicators.ArTurnover);
    }

    [Fact]
    public void Dso_IsNull_WhenThereWereNoSalesInTheWindow()
    {
        // 500 open from an invoice issued before W: sales_12m 0 → dso null; turnover 0 / 500 = 0.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2024-01-01", "2024-01-31", 500m)
            .Indicators("2025-06-30");

        Assert.Equal(500m, indicators.OpenAr);
        Assert.Null(indicators.Dso);
        Assert.Equal(0m, indicators.ArTurnover);
        Assert.Null(indicators.ClaimRate12m);
    }

    [Fact]
    public void Dso_IsZero_WhenNothingIsOpenAndThereWereNoSales()
    {
        var indicators = new LedgerBuilder().Indicators("2025-06-30");

        Assert.Equal(0m, indicators.Dso);
    }

    [Fact]
    public void Exposure_AddsOpenOrdersDatedByTheAsOfDate_ToOpenAr()
    {
        // open AR 1,000; orders: open 300 (counts), invoiced 50 and cancelled 70 (do not), open 900 dated after T
        // (does not): exposure 1,000 + 300 = 1,300.
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 1000m)
            .Order("2025-06-10", 300m)
            .Order("2025-06-11", 50m, OrderStatus.Invoiced)
            .Order("2025-06-12", 70m, OrderStatus.Cancelled)
            .Order("2025-07-01", 900m)
            .Indicators("2025-06-30");

        Assert.Equal(300m, indicators.OpenOrders);
        Assert.Equal(1300m, indicators.Exposure);
    }

    [Fact]
    public void OldestDaysPastDue_IsZero_WhenNothingIsOpen()
    {
        var indicators = new LedgerBuilder()
            .Invoice("A", "2025-01-01", "2025-01-31", 100m)
            .Payment("2025-03-01", 100m)
            .Indicators("2025-06-30");

        Assert.Equal(0, indicators.OldestDaysPastDue);
        Assert.Equal(0m, indicators.OverdueAr);
    }

    [Fact]
    public void NoHistory_GivesNullRatesZeroCountsAndNoInvoicesDue()
    {
        var indicators = new LedgerBuilder().Indicators("2025-06-30");

        Assert.Equal(0m, indicators.OpenAr);
        Assert.Equal(default, indicators.Aging);
        Assert.Equal(0, indicators.InvoicesDueInWindow);
        Assert.Null(indicators.NetCollectionRate);
        Assert.Null(indicators.MaxDaysLate);
        Assert.Null(indicators.AvgDaysLate);
        Assert.Null(indicators.PaymentDelayRate);
        Assert.Null(indicators.OnTimeRate);
        Assert.Null(indicators.ArTurnover);
        Assert.Null(indicators.FrequencyChange);
        Assert.Null(indicators.AmountChange);
        Assert.Null(indicators.DaysSinceLastInvoice);
        Assert.Null(indicators.TypicalInterval);
        Assert.Null(indicators.Dormant);
        Assert.Null(indicators.ClaimRate12m);
        Assert.Equal(0, indicators.Invoices3m);
        Assert.Equal(0m, indicators.InvoicesPrior9mMonthly);
        Assert.False(indicators.HasInvoiceInWindow);
        Assert.False(indicators.HasInvoiceInPriorWindow);
    }

    [Fact]
    public void DsoAsOf_GivesTheDsoOfItsOwnDate_ZeroWithNothingOpen_AndNullWithoutSales()
    {
        // 1,000 issued 2025-01-01 (due 01-31); 750 paid 2025-05-01. As of 2025-06-30: 365 × 250 / 1,000 = 91.25. As of
        // 90 days earlier, 2025-04-01: nothing paid yet, 365 × 1,000 / 1,000 = 365. As of 2026-01-02 the invoice has left
        // the review window: 250 open on no sales, null. As of 2024-12-31 nothing is issued: 0.
        var ledger = new LedgerBuilder()
            .Invoice("I1", "2025-01-01", "2025-01-31", 1_000m)
            .Payment("2025-05-01", 750m)
            .Build();
        var workspace = new IndicatorWorkspace();

        Assert.Equal(91.25m, IndicatorCalculator.DsoAsOf(ledger, AsOf, IndicatorPolicy.Default, workspace));
        Assert.Equal(365m, IndicatorCalculator.DsoAsOf(ledger, AsOf.AddDays(-90), IndicatorPolicy.Default, workspace));
        Assert.Null(IndicatorCalculator.DsoAsOf(ledger, D("2026-01-02"), IndicatorPolicy.Default, workspace));
        Assert.Equal(0m, IndicatorCalculator.DsoAsOf(ledger, D("2024-12-31"), IndicatorPolicy.Default, workspace));
        Assert.Equal(IndicatorCalculator.Compute(ledger, AsOf, IndicatorPolicy.Default).Dso,
            IndicatorCalculator.DsoAsOf(ledger, AsOf, IndicatorPolicy.Default, workspace));
    }
}
