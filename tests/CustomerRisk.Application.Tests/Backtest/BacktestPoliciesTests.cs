using CustomerRisk.Application.Backtest;
using CustomerRisk.Application.Import;
using CustomerRisk.Application.Tests.Demo;
using CustomerRisk.Application.Tests.Reports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;
using CustomerRisk.Storage;
using static CustomerRisk.Application.Tests.Reports.L;

namespace CustomerRisk.Application.Tests.Backtest;

/// <summary>The backtest on a ledger whose outcome is known by construction, and on the demo portfolio.</summary>
public sealed class BacktestPoliciesTests
{
    private static readonly DateOnly T = new(2024, 12, 31);

    /// <summary>As of 2024-12-31, outcome window to 2025-12-31, 90 days past due makes a customer bad:
    /// <list type="bullet">
    /// <item>G1, G2: pay every invoice on its due date → A, good.</item>
    /// <item>B1: paid 12 days late all 2024 → D under the default (timeliness 12 ≥ 10), A under a lenient policy
    /// that allows 20 days for B (AAB → A); its invoice due 2025-02-14 is never paid → 90 days past due on
    /// 2025-05-15 → bad.</item>
    /// <item>B2: perfect in 2024 → A; its invoice due 2025-03-31 is never paid → bad.</item>
    /// <item>E1: invoice due 2025-07-01 paid on 2025-09-29, the day it would have turned 90 days past due: open for
    /// 89 days past due at most → good. E2: paid a day later → 90 days past due on 2025-09-29 → bad.</item>
    /// <item>E3: invoice due 2025-10-02 never paid → 90 days past due on 2025-12-31, the last day of the window →
    /// bad. E4: due 2025-10-03 → 90 days on 2026-01-01, after the window → good.</item>
    /// <item>P1: an invoice paid 122 days late in July 2024 → D under both policies, but nothing goes wrong
    /// afterwards → good (a past spell ended before T does not count).</item>
    /// <item>N1: became a customer in March 2025 → not a customer at T, left out.</item>
    /// </list></summary>
    private static async Task<LedgerStore> KnownOutcomeLedgerAsync()
    {
        var ids = new[] { "G1", "G2", "B1", "B2", "E1", "E2", "E3", "E4", "P1" };
        var customers = ids.Select(id => new Customer { CustomerId = id, Name = id, ProductFocus = ProductFocus.Exclusive, CustomerSince = D("2020-01-01") }).ToList();
        customers.Add(new Customer { CustomerId = "N1", Name = "N1", ProductFocus = ProductFocus.Exclusive, CustomerSince = D("2025-03-01") });
        var invoices = new List<Invoice>();
        var payments = new List<Payment>();
        foreach (var id in ids.Where(i => i != "B1"))
        {
            for (var m = 0; m < 12; m++)
            {
                var issued = new DateOnly(2024, 1, 1).AddMonths(m);
                var invoice = new Invoice { InvoiceId = $"{id}-{m:00}", CustomerId = id, IssueDate = issued, DueDate = issued.AddDays(30), Amount = 1_000m };
                invoices.Add(invoice);
                payments.Add(new Payment { PaymentId = $"P{invoice.InvoiceId}", CustomerId = id, PaymentDate = invoice.DueDate, Amount = 1_000m, InvoiceId = invoice.InvoiceId });
            }
        }

        for (var m = 0; m < 12; m++)
        {
            var issued = new DateOnly(2024, 1, 15).AddMonths(m);
            var invoice = new Invoice { InvoiceId = $"B1-{m:00}", CustomerId = "B1", IssueDate = issued, DueDate = issued.AddDays(30), Amount = 1_000m };
            invoices.Add(invoice);
            payments.Add(new Payment { PaymentId = $"P{invoice.InvoiceId}", CustomerId = "B1", PaymentDate = invoice.DueDate.AddDays(12), Amount = 1_000m, InvoiceId = invoice.InvoiceId });
        }

        invoices.Add(Invoice("B1-X", "B1", "2025-01-15", 30, 1_000m));     // never paid
        invoices.Add(Invoice("B2-X", "B2", "2025-03-01", 30, 1_000m));     // never paid
        invoices.Add(Invoice("E1-X", "E1", "2025-06-01", 30, 1_000m));
        payments.Add(Pay("PE1-X", "E1", "2025-09-29", 1_000m, "E1-X"));     // due + 90
        invoices.Add(Invoice("E2-X", "E2", "2025-06-01", 30, 1_000m));
        payments.Add(Pay("PE2-X", "E2", "2025-09-30", 1_000m, "E2-X"));     // due + 91
        invoices.Add(Invoice("E3-X", "E3", "2025-09-02", 30, 1_000m));     // due 2025-10-02, never paid
        invoices.Add(Invoice("E4-X", "E4", "2025-09-03", 30, 1_000m));     // due 2025-10-03, never paid
        invoices.Add(Invoice("P1-X", "P1", "2024-01-31", 30, 1_000m));     // due 2024-03-01
        payments.Add(Pay("PP1-X", "P1", "2024-07-01", 1_000m, "P1-X"));     // 122 days late
        invoices.Add(Invoice("N1-X", "N1", "2025-03-15", 30, 1_000m));     // never paid, but not a customer at T
        return await LedgerStore.CreateAsync(customers, invoices, payments);
    }

    private static CreditPolicy Lenient() => PolicyLoader.Load(
        PolicyLoader.DefaultPolicyText().Replace("b_at_most_days: 4", "b_at_most_days: 20", StringComparison.Ordinal)
            .Replace("c_at_most_days: 9", "c_at_most_days: 30", StringComparison.Ordinal),
        "lenient.yaml");

    [Fact]
    public async Task KnownOutcomes_GiveTheHandWorkedBadRatesAndDecisions()
    {
        await using var ledger = await KnownOutcomeLedgerAsync();

        var result = await BacktestPolicies.HandleAsync(new BacktestRequest
        {
            Candidate = Lenient(),
            Baseline = CreditPolicy.Default,
            From = T,
            To = T,
            OutcomesThrough = D("2025-12-31"),
        }, ledger.Store, LedgerStore.Clock, null, CancellationToken.None);

        var date = Assert.Single(result.Dates);
        Assert.Equal(T, date.AsOf);
        Assert.Equal(D("2025-12-31"), date.OutcomeEnd);
        Assert.True(date.OutcomeComplete);
        var x = date.Comparison;
        Assert.Equal(9, x.Customers);
        Assert.Equal(4, x.Bad);

        var baseline = x.Baseline;
        Assert.Equal([(7, 3), (0, 0), (0, 0), (2, 1), (0, 0)], baseline.Grades.Select(g => (g.Customers, g.Bad)));
        Assert.Equal(0.428571m, baseline.Grades[0].BadRate);
        Assert.Equal(0.5m, baseline.Grades[3].BadRate);
        Assert.Null(baseline.Grades[1].BadRate);
        Assert.True(baseline.RanksBadRate);
        Assert.Equal((7, 0, 2), (baseline.Approved, baseline.Reviewed, baseline.Blocked));
        Assert.Equal((1, 0, 3, 1), (baseline.BadBlocked, baseline.BadReviewed, baseline.BadApproved, baseline.GoodStopped));

        var candidate = x.Candidate;
        Assert.Equal([(8, 4), (0, 0), (0, 0), (1, 0), (0, 0)], candidate.Grades.Select(g => (g.Customers, g.Bad)));
        Assert.False(candidate.RanksBadRate);   // A 50% bad, D 0%
        Assert.Equal((0, 0, 4, 1), (candidate.BadBlocked, candidate.BadReviewed, candidate.BadApproved, candidate.GoodStopped));

        Assert.Equal((1, 1, 1), (x.GradeChanged, x.LimitChanged, x.DecisionChanged));
        Assert.Equal(3_000m, x.LimitDifference);   // B1: 0 as D; as A 1.5 × 1,000 × 2.5 = 3,750, rounded down to 3,000
        Assert.Equal(new GradeMove("D", "A", 1, 1), Assert.Single(x.GradeMoves));
        Assert.Equivalent(x, result.Total, strict: true);   // one date: the total is that date
        Assert.Equal("lenient.yaml", result.CandidateSource);
    }

    [Fact]
    public async Task OutcomesThrough_DefaultsToTheLedgersLastDay_AndAShortWindowIsMarkedPartial()
    {
        await using var ledger = await KnownOutcomeLedgerAsync();

        var result = await BacktestPolicies.HandleAsync(new BacktestRequest { Candidate = CreditPolicy.Default, Baseline = CreditPolicy.Default, From = T, To = T },
            ledger.Store, LedgerStore.Clock, null, CancellationToken.None);

        Assert.Equal(D("2025-09-30"), result.OutcomesThrough);   // E2's payment is the last record
        var date = Assert.Single(result.Dates);
        Assert.False(date.OutcomeComplete);
        Assert.Equal(3, date.Comparison.Bad);                    // E3 reaches 90 days only on 2025-12-31
        Assert.Equal(0, date.Comparison.GradeChanged);
        var (b, c) = (date.Comparison.Baseline, date.Comparison.Candidate);
        Assert.Equal(b.Grades, c.Grades);
        Assert.Equal((b.Approved, b.Reviewed, b.Blocked, b.BadBlocked, b.RecommendedLimits), (c.Approved, c.Reviewed, c.Blocked, c.BadBlocked, c.RecommendedLimits));
    }

    [Fact]
    public async Task DemoPortfolio_DefaultPolicy_GradeDGoesBadMoreOftenThanGradeA()
    {
        using var folder = new DemoFolder(300);
        var path = Path.Combine(Path.GetTempPath(), "crisk-backtest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        try
        {
            await using var store = await RiskStoreFactory.OpenMigratedAsync(Path.Combine(path, "store.db"), LedgerStore.Clock);
            await ImportLedger.HandleAsync(new ImportLedgerRequest([folder.Path], null, null), store, null, CancellationToken.None);

            var result = await BacktestPolicies.HandleAsync(new BacktestRequest
            {
                Candidate = CreditPolicy.Default,
                Baseline = CreditPolicy.Default,
                From = new DateOnly(2024, 9, 30),
                To = new DateOnly(2024, 12, 31),
                StepMonths = 3,
            }, store, LedgerStore.Clock, null, CancellationToken.None);

            Assert.Equal(DemoFolder.AsOf, result.OutcomesThrough);
            Assert.Equal([new DateOnly(2024, 9, 30), new DateOnly(2024, 12, 31)], result.Dates.Select(d => d.AsOf));
            var grades = result.Total.Baseline.Grades;
            var a = grades.Single(g => g.Grade == "A");
            var d = grades.Single(g => g.Grade == "D");
            Assert.True(a.Customers > 20 && d.Customers > 20, $"A {a.Customers}, D {d.Customers}");
            Assert.True(d.BadRate > a.BadRate, $"bad rate D {d.BadRate} should exceed A {a.BadRate}");
            Assert.Equal(0, result.Total.GradeChanged);
            Assert.True(result.Total.Baseline.BadBlocked + result.Total.Baseline.BadReviewed > result.Total.Baseline.BadApproved,
                "the default policy should stop most of the customers that went bad");
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Theory]
    [InlineData("2024-01-31", "2024-07-31", 1, "2024-01-31,2024-02-29,2024-03-31,2024-04-30,2024-05-31,2024-06-30,2024-07-31")]
    [InlineData("2024-01-31", "2024-07-31", 3, "2024-01-31,2024-04-30,2024-07-31")]
    [InlineData("2024-01-15", "2024-06-30", 3, "2024-01-15,2024-04-15,2024-06-30")]
    [InlineData("2024-06-30", "2024-06-30", 3, "2024-06-30")]
    [InlineData("2024-09-30", "2025-03-31", 3, "2024-09-30,2024-12-31,2025-03-31")]
    [InlineData("2024-09-29", "2024-12-31", 3, "2024-09-29,2024-12-29,2024-12-31")]
    public void AsOfDates_StepByCalendarMonthsAndEndOnTo(string from, string to, int step, string expected) =>
        Assert.Equal(expected.Split(',').Select(D), BacktestPolicies.AsOfDates(D(from), D(to), step));

    [Fact]
    public void BadRequests_AreNamed()
    {
        var errors = BacktestPolicies.Validate(new BacktestRequest
        {
            Candidate = CreditPolicy.Default,
            Baseline = CreditPolicy.Default,
            From = D("2025-01-01"),
            To = D("2024-01-01"),
            StepMonths = 0,
            OutcomeMonths = 0,
            BadDaysPastDue = 0,
        });

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("--step", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("after --to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyStore_IsAClearError()
    {
        await using var ledger = await LedgerStore.CreateAsync([], []);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BacktestPolicies.HandleAsync(
            new BacktestRequest { Candidate = CreditPolicy.Default, Baseline = CreditPolicy.Default }, ledger.Store, LedgerStore.Clock, null, CancellationToken.None));

        Assert.Contains("nothing to backtest", error.Message, StringComparison.Ordinal);
    }
}
