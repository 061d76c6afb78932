using CustomerRisk.Analytics;
using static CustomerRisk.Application.Tests.Models.PdLedger;

namespace CustomerRisk.Application.Tests.Models;

/// <summary>The label of the PD table, worked by hand: T = 2024-01-31, the window is (2024-01-31, 2025-01-30]
/// (365 days), an invoice defaults on due date + 90 unless settled before that day.</summary>
public sealed class DefaultLabelTests
{
    private static readonly DateOnly T = D("2024-01-31");
    private static readonly DateOnly DataEnd = D("2025-12-31");

    // An invoice issued in the 365 days before T and paid on time: it puts the customer in the table at T.
    private static readonly InvoiceLine Recent = new(D("2023-11-01"), D("2023-12-01"), 100m);

    private static bool Label(params InvoiceLine[] extra) => LabelWith(extra, []);

    private static bool LabelWith(InvoiceLine[] extra, (DateOnly, decimal, int)[] payments)
    {
        var invoices = new List<InvoiceLine> { Recent };
        invoices.AddRange(extra);
        var allPayments = new List<(DateOnly, decimal, int)> { (D("2023-12-01"), 100m, 0) };
        allPayments.AddRange(payments);
        var rows = Rows(Build(invoices, allPayments), DataEnd, T);
        return Assert.Single(rows).Defaulted;
    }

    [Fact]
    public void InvoicePaid89DaysLate_IsNotADefault()
    {
        // Due 2024-03-01; day 89 after it is 2024-05-29.
        var invoice = new InvoiceLine(D("2024-02-01"), D("2024-03-01"), 500m);
        Assert.False(LabelWith([invoice], [(D("2024-05-29"), 500m, 1)]));
    }

    [Fact]
    public void InvoicePaid90DaysLate_IsADefault()
    {
        // Due 2024-03-01; its default day, due + 90, is 2024-05-30, and it was not settled before that day.
        var invoice = new InvoiceLine(D("2024-02-01"), D("2024-03-01"), 500m);
        Assert.True(LabelWith([invoice], [(D("2024-05-30"), 500m, 1)]));
    }

    [Fact]
    public void InvoicePaidOnlyAfterTheWindow_IsADefault()
    {
        var invoice = new InvoiceLine(D("2024-06-01"), D("2024-07-01"), 500m);
        Assert.True(LabelWith([invoice], [(D("2025-06-01"), 500m, 1)]));
    }

    [Fact]
    public void InvoicePaidInPartsWithTheLastPartOnDay90_IsADefault()
    {
        var invoice = new InvoiceLine(D("2024-02-01"), D("2024-03-01"), 500m);
        Assert.True(LabelWith([invoice], [(D("2024-04-01"), 400m, 1), (D("2024-05-30"), 100m, 1)]));
    }

    [Fact]
    public void InvoiceOpenAtTheSnapshot_ThatReaches90DaysInTheWindow_IsADefault()
    {
        // Issued 2023-12-01, due 2023-12-31: 31 days past due at T, default day 2024-03-30, never paid.
        var invoice = new InvoiceLine(D("2023-12-01"), D("2023-12-31"), 500m);
        Assert.True(Label(invoice));
    }

    [Fact]
    public void InvoiceOpenAtTheSnapshot_PaidBeforeDay90_IsNotADefault()
    {
        var invoice = new InvoiceLine(D("2023-12-01"), D("2023-12-31"), 500m);
        Assert.False(LabelWith([invoice], [(D("2024-03-29"), 500m, 1)]));
    }

    [Fact]
    public void DefaultDayOnTheLastDayOfTheWindow_Counts_AndTheDayAfterDoesNot()
    {
        // Window ends 2025-01-30 (T + 365). Due 2024-11-01 → default day 2025-01-30; due 2024-11-02 → 2025-01-31.
        Assert.True(Label(new InvoiceLine(D("2024-10-01"), D("2024-11-01"), 500m)));
        Assert.False(Label(new InvoiceLine(D("2024-10-02"), D("2024-11-02"), 500m)));
    }

    [Fact]
    public void UnnamedPayment_IsAppliedOldestFirst_AsCashApplicationSays()
    {
        // Two invoices; one unnamed payment on day 60 of the older pays the older in full (oldest-first), the
        // younger is never paid and defaults.
        var older = new InvoiceLine(D("2024-02-01"), D("2024-03-01"), 300m);
        var younger = new InvoiceLine(D("2024-02-15"), D("2024-03-15"), 300m);
        Assert.True(LabelWith([older, younger], [(D("2024-04-30"), 300m, -1)]));
        // Paying both in time: no default.
        Assert.False(LabelWith([older, younger], [(D("2024-04-30"), 600m, -1)]));
    }

    [Fact]
    public void CustomerAlreadyInDefaultAtTheSnapshot_IsLeftOut()
    {
        // Due 2023-10-31: default day 2024-01-29, before T, still open at T.
        var ledger = Build([Recent, new InvoiceLine(D("2023-10-01"), D("2023-10-31"), 500m)], [(D("2023-12-01"), 100m, 0)]);
        Assert.Empty(Rows(ledger, DataEnd, T));
        // Settled on T itself: no longer in default, in the table.
        var cured = Build([Recent, new InvoiceLine(D("2023-10-01"), D("2023-10-31"), 500m)], [(D("2023-12-01"), 100m, 0), (T, 500m, 1)]);
        Assert.False(Assert.Single(Rows(cured, DataEnd, T)).Defaulted);
    }

    [Fact]
    public void CustomerWithoutActivity_IsLeftOut()
    {
        // Last invoice issued more than 365 days before T and paid: not in the table at T.
        var old = Build([new InvoiceLine(D("2022-12-01"), D("2022-12-31"), 100m)], [(D("2022-12-31"), 100m, 0)]);
        Assert.Empty(Rows(old, DataEnd, T));

        // First invoice after T: not yet a customer at T.
        var notYetCustomer = Build([new InvoiceLine(D("2024-03-01"), D("2024-03-31"), 100m)], [(D("2024-03-31"), 100m, 0)]);
        Assert.Empty(Rows(notYetCustomer, DataEnd, T));
    }

    [Fact]
    public void OldOpenInvoiceNotYetInDefault_KeepsTheCustomerInTheTable()
    {
        // Issued 2022-12-01 with 450 days' terms (due 2024-02-24): nothing bought in the last year, but it still owes.
        var ledger = Build([new InvoiceLine(D("2022-12-01"), D("2024-02-24"), 100m)], []);
        var row = Assert.Single(Rows(ledger, DataEnd, T));
        Assert.True(row.Defaulted); // default day 2024-05-24, never paid
    }

    [Fact]
    public void InvoiceIssuedAfterTheSnapshot_ThatDefaultsInTheWindow_Counts()
    {
        // An invoice issued after T whose default day falls in the window counts: the label covers new invoices too.
        Assert.True(Label(new InvoiceLine(D("2024-05-01"), D("2024-05-31"), 500m)));
    }
}
