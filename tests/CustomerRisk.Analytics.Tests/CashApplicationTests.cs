using static CustomerRisk.Analytics.Tests.LedgerBuilder;

namespace CustomerRisk.Analytics.Tests;

public sealed class CashApplicationTests
{
    [Fact]
    public void PartialPayment_LeavesTheRestOpen()
    {
        // 1,000 invoiced, 400 paid: 1,000 − 400 = 600 open; not settled.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 1000m)
            .Payment("2025-05-20", 400m);

        var a = ledger.Cash("2025-06-30").Invoices[0];

        Assert.Equal(600m, a.OpenAmount);
        Assert.Equal(400m, a.AppliedAmount);
        Assert.Null(a.SettledDate);
        Assert.True(a.IsOpen);
    }

    [Fact]
    public void PartialPayments_SettleTheInvoiceOnTheDateTheLastOneArrives()
    {
        // 1,000 = 400 (05-20) + 600 (06-05): settled on 06-05.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 1000m)
            .Payment("2025-05-20", 400m)
            .Payment("2025-06-05", 600m);

        var a = ledger.Cash("2025-06-30").Invoices[0];

        Assert.Equal(0m, a.OpenAmount);
        Assert.Equal(1000m, a.AppliedAmount);
        Assert.Equal(D("2025-06-05"), a.SettledDate);
    }

    [Fact]
    public void UnnamedPayment_GoesToTheOldestOpenInvoiceFirst()
    {
        // A (due 05-10) 300, B (due 05-20) 500; 600 on 05-25: A takes 300 and is settled, B takes 600 − 300 = 300,
        // leaving 500 − 300 = 200.
        var ledger = new LedgerBuilder()
            .Invoice("B", "2025-04-20", "2025-05-20", 500m)
            .Invoice("A", "2025-04-10", "2025-05-10", 300m)
            .Payment("2025-05-25", 600m);

        var cash = ledger.Cash("2025-06-30");

        var a = cash.Invoices[ledger.IndexOf("A")];
        var b = cash.Invoices[ledger.IndexOf("B")];
        Assert.Equal((0m, D("2025-05-25")), (a.OpenAmount, a.SettledDate));
        Assert.Equal((200m, 300m), (b.OpenAmount, b.AppliedAmount));
        Assert.Equal(0m, cash.UnappliedCredit);
    }

    [Fact]
    public void OldestFirst_IsByDueDate_NotByIssueDate()
    {
        // C issued first but due 06-01; D issued later but due 05-15: D is the older debt and takes the 100.
        var ledger = new LedgerBuilder()
            .Invoice("C", "2025-04-01", "2025-06-01", 100m)
            .Invoice("D", "2025-04-15", "2025-05-15", 100m)
            .Payment("2025-04-20", 100m);

        var cash = ledger.Cash("2025-04-30");

        Assert.Equal(0m, cash.Invoices[ledger.IndexOf("D")].OpenAmount);
        Assert.Equal(100m, cash.Invoices[ledger.IndexOf("C")].OpenAmount);
    }

    [Fact]
    public void OldestFirst_BreaksATieOnDueDateByIssueDateThenInvoiceId()
    {
        // All due 05-31. F issued 04-01 goes first; E and G both issued 04-05: E before G by id. 150 pays F (100)
        // and half of E (50 of 100).
        var ledger = new LedgerBuilder()
            .Invoice("G", "2025-04-05", "2025-05-31", 100m)
            .Invoice("E", "2025-04-05", "2025-05-31", 100m)
            .Invoice("F", "2025-04-01", "2025-05-31", 100m)
            .Payment("2025-04-10", 150m);

        var cash = ledger.Cash("2025-04-30");

        Assert.Equal(0m, cash.Invoices[ledger.IndexOf("F")].OpenAmount);
        Assert.Equal(50m, cash.Invoices[ledger.IndexOf("E")].OpenAmount);
        Assert.Equal(100m, cash.Invoices[ledger.IndexOf("G")].OpenAmount);
    }

    [Fact]
    public void NamedPayment_GoesToItsInvoiceFirst_AndTheRemainderOldestFirst()
    {
        // 700 naming B: B takes its 500; the remaining 200 goes to the oldest open invoice A: 300 − 200 = 100 open.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-04-10", "2025-05-10", 300m)
            .Invoice("B", "2025-04-20", "2025-05-20", 500m)
            .Payment("2025-05-25", 700m, "B");

        var cash = ledger.Cash("2025-06-30");

        var a = cash.Invoices[ledger.IndexOf("A")];
        var b = cash.Invoices[ledger.IndexOf("B")];
        Assert.Equal((0m, 500m, D("2025-05-25")), (b.OpenAmount, b.AppliedAmount, b.SettledDate));
        Assert.Equal((100m, 200m), (a.OpenAmount, a.AppliedAmount));
    }

    [Fact]
    public void NamedPayment_SmallerThanItsInvoice_LeavesOlderInvoicesUntouched()
    {
        // 200 naming the newer B: B 500 − 200 = 300 open; the older A keeps its 300.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-04-10", "2025-05-10", 300m)
            .Invoice("B", "2025-04-20", "2025-05-20", 500m)
            .Payment("2025-05-25", 200m, "B");

        var cash = ledger.Cash("2025-06-30");

        Assert.Equal(300m, cash.Invoices[ledger.IndexOf("A")].OpenAmount);
        Assert.Equal(300m, cash.Invoices[ledger.IndexOf("B")].OpenAmount);
    }

    [Fact]
    public void PaymentNamingASettledInvoice_IsAppliedOldestFirst()
    {
        // B (100) is settled by the first payment naming it; the second one names B again, finds nothing open there
        // and goes to the oldest open invoice, A, settling it on 05-15.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-04-10", "2025-05-10", 100m)
            .Invoice("B", "2025-04-20", "2025-05-20", 100m)
            .Payment("2025-05-01", 100m, "B")
            .Payment("2025-05-15", 100m, "B");

        var cash = ledger.Cash("2025-06-30");

        Assert.Equal(D("2025-05-01"), cash.Invoices[ledger.IndexOf("B")].SettledDate);
        Assert.Equal(D("2025-05-15"), cash.Invoices[ledger.IndexOf("A")].SettledDate);
        Assert.Equal(0m, cash.UnappliedCredit);
    }

    [Fact]
    public void Payment_GoesOnlyToInvoicesIssuedOnOrBeforeItsDate()
    {
        // On 05-10 only A (100) exists: it takes 100, 300 − 100 = 200 is credit. B (200) is issued 05-15 and takes
        // the credit that day, so it is settled on 05-15, not on 05-10.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 100m)
            .Invoice("B", "2025-05-15", "2025-06-14", 200m)
            .Payment("2025-05-10", 300m);

        var between = ledger.Cash("2025-05-12");
        var cash = ledger.Cash("2025-06-30");

        Assert.Equal(200m, between.UnappliedCredit);
        Assert.Equal(D("2025-05-10"), cash.Invoices[ledger.IndexOf("A")].SettledDate);
        Assert.Equal(D("2025-05-15"), cash.Invoices[ledger.IndexOf("B")].SettledDate);
        Assert.Equal(0m, cash.UnappliedCredit);
    }

    [Fact]
    public void PartOfAPayment_WaitsAsCreditForTheNextInvoice()
    {
        // 250 on 05-10: A takes 100, 150 waits; B (200) issued 05-15 takes it: 200 − 150 = 50 open.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 100m)
            .Invoice("B", "2025-05-15", "2025-06-14", 200m)
            .Payment("2025-05-10", 250m);

        var b = ledger.Cash("2025-06-30").Invoices[ledger.IndexOf("B")];

        Assert.Equal((50m, 150m, (DateOnly?)null), (b.OpenAmount, b.AppliedAmount, b.SettledDate));
    }

    [Fact]
    public void Overpayment_LeavesUnappliedCredit_ThatPaysLaterInvoicesOnTheirIssueDates()
    {
        // 300 on 03-20 pays A (100): credit 200. B (150) issued 04-01 takes 150 and is settled on 04-01: credit 50.
        // C (80) issued 04-10 takes the last 50: 80 − 50 = 30 open, credit 0.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 100m)
            .Invoice("B", "2025-04-01", "2025-05-01", 150m)
            .Invoice("C", "2025-04-10", "2025-05-10", 80m)
            .Payment("2025-03-20", 300m);

        var beforeC = ledger.Cash("2025-04-05");
        var later = ledger.Cash("2025-06-30");

        Assert.Equal(50m, beforeC.UnappliedCredit);
        Assert.Equal(D("2025-04-01"), beforeC.Invoices[ledger.IndexOf("B")].SettledDate);
        Assert.False(beforeC.Invoices[ledger.IndexOf("C")].IsIssued);
        Assert.Equal(0m, later.UnappliedCredit);
        Assert.Equal((30m, 50m), (later.Invoices[ledger.IndexOf("C")].OpenAmount, later.Invoices[ledger.IndexOf("C")].AppliedAmount));
    }

    [Fact]
    public void Overpayment_WithNoLaterInvoice_StaysUnappliedCredit()
    {
        // 1,000 + 200 = 1,200 received against 1,000 invoiced: 200 of credit, open AR 0.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 1000m)
            .Payment("2025-03-20", 1000m)
            .Payment("2025-04-20", 200m);

        var indicators = ledger.Indicators("2025-06-30");

        Assert.Equal(200m, indicators.UnappliedCredit);
        Assert.Equal(0m, indicators.OpenAr);
    }

    [Fact]
    public void Credit_GoesFirstToInvoicesIssuedTheSameDay_ThenThatDaysPayment()
    {
        // Credit 100 from 03-01. On 04-01 B (300) is issued and takes the 100 credit first; the 50 paid that day
        // follows: 300 − 100 − 50 = 150 open.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-02-01", "2025-03-01", 100m)
            .Invoice("B", "2025-04-01", "2025-05-01", 300m)
            .Payment("2025-03-01", 200m)
            .Payment("2025-04-01", 50m);

        var cash = ledger.Cash("2025-04-30");

        Assert.Equal(150m, cash.Invoices[ledger.IndexOf("B")].OpenAmount);
        Assert.Equal(0m, cash.UnappliedCredit);
    }

    [Fact]
    public void PaymentNamingAnInvoiceNotYetIssued_IsAppliedAsIfItNamedNone()
    {
        // 150 on 06-01 names B, which is issued only on 06-10: it goes oldest-first, A takes 100, credit 50;
        // B takes the 50 when issued: 200 − 50 = 150 open.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 100m)
            .Invoice("B", "2025-06-10", "2025-07-10", 200m)
            .Payment("2025-06-01", 150m, "B");

        var cash = ledger.Cash("2025-06-30");

        Assert.Equal(D("2025-06-01"), cash.Invoices[ledger.IndexOf("A")].SettledDate);
        Assert.Equal(150m, cash.Invoices[ledger.IndexOf("B")].OpenAmount);
    }

    [Fact]
    public void InvoiceIssuedAfterTheAsOfDate_IsIgnoredEntirely()
    {
        // B is issued 07-01, after T = 06-30: not open, not applied, and the 300 received is credit, not payment of B.
        var ledger = new LedgerBuilder()
            .Invoice("B", "2025-07-01", "2025-07-31", 500m)
            .Payment("2025-06-15", 300m);

        var cash = ledger.Cash("2025-06-30");
        var indicators = ledger.Indicators("2025-06-30");

        Assert.Equal(new InvoiceSettlement(false, 0m, 0m, null), cash.Invoices[0]);
        Assert.Equal(300m, cash.UnappliedCredit);
        Assert.Equal(0m, indicators.OpenAr);
        Assert.Equal(0m, indicators.Sales12m);
    }

    [Fact]
    public void PaymentDatedAfterTheAsOfDate_IsIgnored()
    {
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 1000m)
            .Payment("2025-07-01", 1000m);

        var a = ledger.Cash("2025-06-30").Invoices[0];

        Assert.Equal((1000m, 0m), (a.OpenAmount, a.AppliedAmount));
    }

    [Fact]
    public void RemainderWithinTheTolerance_CountsAsPaid()
    {
        // 100 − 99.996 = 0.004 ≤ 0.005: settled, open 0, though only 99.996 was applied.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 100m)
            .Payment("2025-05-20", 99.996m);

        var a = ledger.Cash("2025-06-30").Invoices[0];

        Assert.Equal((0m, 99.996m, D("2025-05-20")), (a.OpenAmount, a.AppliedAmount, a.SettledDate));
    }

    [Fact]
    public void RemainderOfOneCent_StaysOpen()
    {
        // 100 − 99.99 = 0.01 > 0.005: still open.
        var ledger = new LedgerBuilder()
            .Invoice("A", "2025-05-01", "2025-05-31", 100m)
            .Payment("2025-05-20", 99.99m);

        var a = ledger.Cash("2025-06-30").Invoices[0];

        Assert.Equal((0.01m, (DateOnly?)null), (a.OpenAmount, a.SettledDate));
    }

    [Fact]
    public void Apply_WithAWorkspace_GivesTheSameAsTheAllocatingOverload()
    {
        var builder = new LedgerBuilder()
            .Invoice("A", "2025-03-01", "2025-03-31", 100m)
            .Invoice("B", "2025-04-01", "2025-05-01", 150m)
            .Payment("2025-03-20", 120m)
            .Payment("2025-05-20", 10m, "B");
        var ledger = builder.Build();
        var workspace = new IndicatorWorkspace();

        var expected = CashApplication.Apply(ledger, D("2025-06-30"), IndicatorPolicy.Default);
        var actual = CashApplication.Apply(ledger, D("2025-06-30"), IndicatorPolicy.Default, workspace, out var credit);

        Assert.Equal(expected.Invoices.ToArray(), actual.ToArray());
        Assert.Equal(expected.UnappliedCredit, credit);
    }
}
