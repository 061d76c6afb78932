using CustomerRisk.Domain;
using static CustomerRisk.Analytics.Tests.LedgerBuilder;

namespace CustomerRisk.Analytics.Tests;

public sealed class LedgerValidationTests
{
    private static readonly DateOnly AsOf = D("2025-06-30");

    public static TheoryData<string, CustomerLedger> BadLedgers => new()
    {
        { "invoice 0 has amount 0", Ledger([new InvoiceLine(D("2025-01-01"), D("2025-01-31"), 0m)], []) },
        { "invoice 0 has amount -5", Ledger([new InvoiceLine(D("2025-01-01"), D("2025-01-31"), -5m)], []) },
        { "before its issue date", Ledger([new InvoiceLine(D("2025-02-01"), D("2025-01-31"), 10m)], []) },
        {
            "invoice 1 is out of order",
            Ledger([new InvoiceLine(D("2025-01-01"), D("2025-02-28"), 10m), new InvoiceLine(D("2025-01-01"), D("2025-01-31"), 10m)], [])
        },
        { "payment 0 has amount 0", Ledger([], [new PaymentLine(D("2025-01-01"), 0m, -1)]) },
        { "names invoice index 3", Ledger([], [new PaymentLine(D("2025-01-01"), 10m, 3)]) },
        { "names invoice index -2", Ledger([], [new PaymentLine(D("2025-01-01"), 10m, -2)]) },
        {
            "payment 1 is out of order",
            Ledger([], [new PaymentLine(D("2025-02-01"), 10m, -1), new PaymentLine(D("2025-01-01"), 10m, -1)])
        },
        {
            "claim 0 has amount 0",
            new CustomerLedger { Customer = Customer(), Claims = new[] { new ClaimLine(D("2025-01-01"), 0m) } }
        },
    };

    [Theory]
    [MemberData(nameof(BadLedgers))]
    public void Compute_RefusesABadLedger_SayingWhichCustomerAndRecord(string problem, CustomerLedger ledger)
    {
        var error = Assert.Throws<ArgumentException>(() => IndicatorCalculator.Compute(ledger, AsOf, IndicatorPolicy.Default));

        Assert.Contains("Customer BAD", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadPaymentDatedAfterTheAsOfDate_IsRefusedToo()
    {
        // Validation does not depend on T: a file that is wrong is wrong on every date.
        var ledger = Ledger([], [new PaymentLine(D("2026-01-01"), -1m, -1)]);

        Assert.Throws<ArgumentException>(() => IndicatorCalculator.Compute(ledger, AsOf, IndicatorPolicy.Default));
    }

    [Fact]
    public void Compute_RefusesNullArguments()
    {
        Assert.Throws<ArgumentNullException>(() => IndicatorCalculator.Compute(null!, AsOf, IndicatorPolicy.Default));
        Assert.Throws<ArgumentNullException>(() => IndicatorCalculator.Compute(Ledger([], []), AsOf, null!));
        Assert.Throws<ArgumentNullException>(() => IndicatorCalculator.Compute(Ledger([], []), AsOf, IndicatorPolicy.Default, null!));
    }

    private static Customer Customer() => new() { CustomerId = "BAD", Name = "Bad data" };

    private static CustomerLedger Ledger(InvoiceLine[] invoices, PaymentLine[] payments) =>
        new() { Customer = Customer(), Invoices = invoices, Payments = payments };
}
