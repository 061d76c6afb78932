using System.Globalization;
using System.Text.RegularExpressions;
using CustomerRisk.Application.Demo;

namespace CustomerRisk.Application.Tests.Demo;

/// <summary>What a user finds in the default demo portfolio of 1,000 customers: clean rows that keep every rule of
/// the import format, and the mix of customers docs/demo.md describes.</summary>
public sealed partial class DemoPortfolioContentTests(DemoPortfolioFixture fixture) : IClassFixture<DemoPortfolioFixture>
{
    private static readonly DateOnly AsOf = DemoFolder.AsOf;
    private readonly DemoFolder _folder = fixture.Folder;

    [Fact]
    public void CustomerIds_AreUniqueAndEveryOtherFileNamesAKnownCustomer()
    {
        var customers = _folder.Table("customers.csv").Values("customer_id").ToList();
        Assert.Equal(1000, customers.Count);
        Assert.Equal(customers.Count, customers.Distinct(StringComparer.Ordinal).Count());
        var known = customers.ToHashSet(StringComparer.Ordinal);

        foreach (var file in new[] { "invoices.csv", "payments.csv", "claims.csv", "orders.csv", "interactions.csv", "financials.csv", "expert_scores.csv" })
        {
            var unknown = _folder.Table(file).Values("customer_id").FirstOrDefault(id => !known.Contains(id));
            Assert.True(unknown is null, $"{file} names unknown customer {unknown}");
        }
    }

    [Theory]
    [InlineData("invoices.csv", "invoice_id")]
    [InlineData("payments.csv", "payment_id")]
    [InlineData("claims.csv", "claim_id")]
    [InlineData("orders.csv", "order_id")]
    [InlineData("interactions.csv", "event_id")]
    public void Keys_AreUniqueWithinTheirFile(string file, string key)
    {
        var keys = _folder.Table(file).Values(key).ToList();

        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.InRange(k.Length, 1, 64));
    }

    [Fact]
    public void CompositeKeys_OfFinancialsAndExpertScores_AreUnique()
    {
        var financials = _folder.Table("financials.csv").Rows.Select(r => r[0] + "|" + r[1]).ToList();
        var scores = _folder.Table("expert_scores.csv").Rows.Select(r => string.Join('|', r[0], r[1], r[2], r[4])).ToList();

        Assert.Equal(financials.Count, financials.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(scores.Count, scores.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryDate_IsIsoAndNoneLiesAfterTheAsOfDate()
    {
        var dateColumns = new (string File, string Column)[]
        {
            ("customers.csv", "customer_since"), ("invoices.csv", "issue_date"), ("payments.csv", "payment_date"),
            ("claims.csv", "claim_date"), ("orders.csv", "order_date"), ("interactions.csv", "date"),
            ("financials.csv", "period_end"), ("expert_scores.csv", "date"),
        };
        foreach (var (file, column) in dateColumns)
        {
            foreach (var text in _folder.Table(file).Values(column))
            {
                Assert.True(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date), $"{file} {column} '{text}'");
                Assert.True(date <= AsOf, $"{file} {column} {text} lies after the as-of date");
            }
        }
    }

    [Fact]
    public void DueDate_IsNeverBeforeIssueDate_AndFollowsTheCustomersTerms()
    {
        var terms = _folder.Table("customers.csv").Rows.ToDictionary(r => r[0], r => int.Parse(r[7], CultureInfo.InvariantCulture));
        foreach (var row in _folder.Table("invoices.csv").Rows)
        {
            var issue = DateOnly.ParseExact(row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var due = DateOnly.ParseExact(row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(due >= issue, $"{row[0]} falls due before it was issued");
            Assert.Equal(terms[row[1]], due.DayNumber - issue.DayNumber);
        }
    }

    [Theory]
    [InlineData("invoices.csv", "amount")]
    [InlineData("payments.csv", "amount")]
    [InlineData("claims.csv", "amount")]
    [InlineData("orders.csv", "amount")]
    public void Amounts_ArePositiveWithAPointAndExactlyTwoDecimals(string file, string column)
    {
        foreach (var text in _folder.Table(file).Values(column))
        {
            Assert.Matches(MoneyFormat(), text);
            Assert.True(decimal.Parse(text, CultureInfo.InvariantCulture) > 0, $"{file} {column} {text}");
        }
    }

    [Fact]
    public void OptionalMoney_IsEmptyOrWellFormed()
    {
        var optional = new (string File, string[] Columns)[]
        {
            ("customers.csv", ["annual_revenue", "credit_limit"]),
            ("interactions.csv", ["amount"]),
            ("financials.csv", ["revenue", "net_income", "total_assets", "total_liabilities", "current_assets", "current_liabilities", "operating_cash_flow"]),
        };
        foreach (var (file, columns) in optional)
        {
            foreach (var column in columns)
            {
                Assert.All(_folder.Table(file).Values(column), text => Assert.True(text.Length == 0 || SignedMoneyFormat().IsMatch(text), $"{file} {column} '{text}'"));
            }
        }
    }

    [Fact]
    public void Payments_NameOnlyInvoicesOfTheSameCustomer_AndNeverPrecedeThem()
    {
        var invoices = _folder.Table("invoices.csv").Rows.ToDictionary(r => r[0], r => (Customer: r[1], Issue: r[2]));
        var named = 0;
        foreach (var row in _folder.Table("payments.csv").Rows)
        {
            if (row[4].Length == 0)
            {
                continue;
            }

            named++;
            Assert.True(invoices.TryGetValue(row[4], out var invoice), $"{row[0]} names unknown invoice {row[4]}");
            Assert.Equal(invoice.Customer, row[1]);
            Assert.True(string.CompareOrdinal(row[2], invoice.Issue) >= 0, $"{row[0]} paid before {row[4]} was issued");
        }

        Assert.True(named > 0);
    }

    [Fact]
    public void Claims_NameOnlyInvoicesOfTheSameCustomer_WithAKnownReason()
    {
        var invoices = _folder.Table("invoices.csv").Rows.ToDictionary(r => r[0], r => r[1]);
        var claims = _folder.Table("claims.csv");

        Assert.All(claims.Rows.Where(r => r[4].Length > 0), r => Assert.Equal(invoices[r[4]], r[1]));
        Assert.All(claims.Values("reason"), reason => Assert.Contains(reason, new[] { "quality", "shortage", "price", "other" }));
        Assert.Contains(claims.Rows, r => r[4].Length == 0);
    }

    [Fact]
    public void History_CoversTheReviewWindowAndThePriorWindow()
    {
        var issues = _folder.Table("invoices.csv").Values("issue_date").Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var window = AsOf.AddDays(-365);
        var prior = AsOf.AddDays(-730);

        Assert.True(issues.Min() <= prior.AddDays(31), $"history starts {issues.Min()}");
        Assert.True(issues.Max() >= AsOf.AddDays(-3));
        var inWindow = issues.Count(d => d > window);
        var inPrior = issues.Count(d => d > prior && d <= window);
        Assert.InRange(inPrior / (double)inWindow, 0.7, 1.4);
    }

    [Fact]
    public void InvoicesAndPayments_AverageAboutFiftyPerCustomer()
    {
        Assert.InRange(_folder.Result.RowsOf("invoices.csv") / 1000.0, 35, 65);
        Assert.InRange(_folder.Result.RowsOf("payments.csv") / (double)_folder.Result.RowsOf("invoices.csv"), 0.85, 1.1);
    }

    [Fact]
    public void TopTenCustomers_TakeBetweenAFifthAndAHalfOfTheLastTwelveMonthsSales()
    {
        var window = AsOf.AddDays(-365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sales = _folder.Table("invoices.csv").Rows
            .Where(r => string.CompareOrdinal(r[2], window) > 0)
            .GroupBy(r => r[1])
            .Select(g => g.Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture)))
            .OrderDescending()
            .ToList();

        var share = sales.Take(10).Sum() / sales.Sum();

        Assert.InRange(share, 0.20m, 0.50m);
    }

    [Fact]
    public void SomeCustomers_HaveInvoicesUnpaidNinetyDaysAfterTheirDueDate()
    {
        var ledger = DemoLedger.Build(_folder, AsOf);

        var deeplyOverdue = ledger.Invoices.Count(c => c.Value.Any(i => i.Open > 0 && AsOf.DayNumber - i.DueDate.DayNumber >= 90));

        Assert.InRange(deeplyOverdue, 20, 250);
    }

    [Fact]
    public void SomeCustomers_HaveBoughtNothingInTheLastSixMonths()
    {
        var cutoff = AsOf.AddDays(-182).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastInvoice = _folder.Table("invoices.csv").Rows.GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Select(r => r[2]).Max(StringComparer.Ordinal)!);

        var dormant = lastInvoice.Count(p => string.CompareOrdinal(p.Value, cutoff) < 0);

        Assert.InRange(dormant, 30, 200);
    }

    [Fact]
    public void NewCustomers_JoinedInTheLastThreeMonths_HaveNoInvoiceDueYet()
    {
        var since = AsOf.AddDays(-90);
        var newcomers = _folder.Table("customers.csv").Rows
            .Where(r => DateOnly.ParseExact(r[9], "yyyy-MM-dd", CultureInfo.InvariantCulture) > since)
            .Select(r => r[0])
            .ToHashSet(StringComparer.Ordinal);

        Assert.InRange(newcomers.Count, 15, 80);
        var dueDates = _folder.Table("invoices.csv").Rows.Where(r => newcomers.Contains(r[1])).Select(r => r[3]).ToList();
        Assert.NotEmpty(dueDates);
        Assert.All(dueDates, d => Assert.True(DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) > AsOf));
    }

    [Fact]
    public void PromptPayers_SettleEveryInvoiceOnOrBeforeItsDueDate_UnnamedPaymentsIncluded()
    {
        var generator = new DemoCustomerGenerator(42, 1000, AsOf, withErrors: false);
        var ledger = DemoLedger.Build(_folder, AsOf);
        var promptPayers = Enumerable.Range(0, 1000).Where(i => generator.ArchetypeOf(i) == DemoArchetype.PromptPayer).Select(generator.CustomerId).ToList();

        Assert.InRange(promptPayers.Count, 330, 510);
        foreach (var customer in promptPayers)
        {
            foreach (var invoice in ledger.Invoices.GetValueOrDefault(customer) ?? [])
            {
                if (invoice.DueDate <= AsOf)
                {
                    Assert.True(invoice.DaysLate(AsOf) == 0, $"{invoice.InvoiceId} of prompt payer {customer} is {invoice.DaysLate(AsOf)} days late");
                }
            }
        }
    }

    [Fact]
    public void UnnamedPayments_PayExactlyTheOldestOpenInvoice_SoOldestFirstApplicationKeepsTheirMeaning()
    {
        var ledger = DemoLedger.Build(_folder, AsOf);

        Assert.True(ledger.UnnamedPayments > 1000, $"only {ledger.UnnamedPayments} unnamed payments");
        // Only the rare overpaid ones may differ.
        Assert.True(ledger.UnnamedPaymentsNotMatchingTheOldestOpenInvoice <= ledger.UnnamedPayments / 100,
            $"{ledger.UnnamedPaymentsNotMatchingTheOldestOpenInvoice} of {ledger.UnnamedPayments} unnamed payments do not match the oldest open invoice");
    }

    [Fact]
    public void DeterioratingCustomers_PaidWellAYearAgoAndAreLateNow()
    {
        var generator = new DemoCustomerGenerator(42, 1000, AsOf, withErrors: false);
        var ledger = DemoLedger.Build(_folder, AsOf);
        var deteriorating = Enumerable.Range(0, 1000).Where(i => generator.ArchetypeOf(i) == DemoArchetype.Deteriorating).Select(generator.CustomerId).ToList();
        var early = AsOf.AddDays(-730);
        var yearAgo = AsOf.AddDays(-365);

        Assert.InRange(deteriorating.Count, 50, 110);
        var lateEarlier = deteriorating.SelectMany(c => ledger.Invoices[c]).Where(i => i.DueDate > early && i.DueDate <= yearAgo).Max(i => i.DaysLate(AsOf));
        var lateNow = deteriorating.Select(c => ledger.Invoices[c].Where(i => i.DueDate > yearAgo && i.DueDate <= AsOf).Select(i => i.DaysLate(AsOf)).DefaultIfEmpty(0).Max()).ToList();
        Assert.True(lateEarlier <= 4, $"deteriorating customers were up to {lateEarlier} days late a year ago");
        Assert.True(lateNow.Count(d => d >= 60) >= deteriorating.Count / 3, "too few deteriorating customers are 60+ days late now");
        Assert.True(lateNow.Count(d => d >= 180) >= 1, "no deteriorating customer is 180+ days late");
    }

    [Fact]
    public void Payments_IncludeUnnamedPartialAndOverpayments()
    {
        var invoices = _folder.Table("invoices.csv").Rows.ToDictionary(r => r[0], r => decimal.Parse(r[4], CultureInfo.InvariantCulture));
        var payments = _folder.Table("payments.csv").Rows;
        var named = payments.Where(r => r[4].Length > 0).ToList();

        var unnamedShare = (payments.Count - named.Count) / (double)payments.Count;
        Assert.InRange(unnamedShare, 0.03, 0.3);
        var perInvoice = named.GroupBy(r => r[4]).ToList();
        Assert.Contains(perInvoice, g => g.Count() > 1);
        Assert.Contains(named, r => decimal.Parse(r[3], CultureInfo.InvariantCulture) > invoices[r[4]]);
        Assert.Contains(named, r => decimal.Parse(r[3], CultureInfo.InvariantCulture) < invoices[r[4]]);
    }

    [Fact]
    public void ClaimHeavyAndComplainingCustomers_Appear()
    {
        var generator = new DemoCustomerGenerator(42, 1000, AsOf, withErrors: false);
        var claimHeavy = Enumerable.Range(0, 1000).Where(i => generator.ArchetypeOf(i) == DemoArchetype.ClaimHeavy).Select(generator.CustomerId).ToHashSet(StringComparer.Ordinal);
        var claimsPerCustomer = _folder.Table("claims.csv").Rows.GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Count());
        var recent = AsOf.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var complaintsPerCustomer = _folder.Table("interactions.csv").Rows
            .Where(r => r[3] == "complaint" && string.CompareOrdinal(r[2], recent) > 0)
            .GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Count());

        Assert.NotEmpty(claimHeavy);
        Assert.True(claimHeavy.Average(c => claimsPerCustomer.GetValueOrDefault(c)) > 4 * claimsPerCustomer.Where(p => !claimHeavy.Contains(p.Key)).Sum(p => p.Value) / 1000.0);
        Assert.InRange(complaintsPerCustomer.Count(p => p.Value >= 2), 20, 120);
        var types = _folder.Table("interactions.csv").Values("type").ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "complaint", "dispute", "collection_call", "promise_to_pay", "broken_promise", "visit" }, types);
        Assert.Subset(new HashSet<string> { "complaint", "refund", "return", "dispute", "collection_call", "promise_to_pay", "broken_promise", "visit", "bad_record" }, types);
    }

    [Fact]
    public void CustomerFields_LookLikeARealCustomerFile()
    {
        var customers = _folder.Table("customers.csv");

        Assert.All(customers.Values("payment_terms_days"), t => Assert.Contains(t, new[] { "30", "45", "60" }));
        Assert.InRange(customers.Values("credit_limit").Count(v => v.Length == 0), 60, 250);
        Assert.InRange(customers.Values("annual_revenue").Count(v => v.Length == 0), 20, 150);
        Assert.InRange(customers.Values("sales_owner").Distinct().Count(), 3, 10);
        var focus = customers.Values("product_focus").ToList();
        Assert.All(focus, f => Assert.Contains(f, new[] { "", "exclusive", "mainly_ours", "equal", "mainly_competitor", "A", "B", "C", "D" }));
        Assert.Contains(focus, f => f.Length == 1);
        Assert.Contains(focus, f => f.Length > 1);
        Assert.Contains(customers.Values("name"), n => n.Contains(','));
        Assert.Contains(customers.Values("name"), n => n.Contains('"'));
        Assert.All(customers.Values("name"), n => Assert.False(string.IsNullOrWhiteSpace(n)));
    }

    [Fact]
    public void Orders_AreOpenForActiveCustomersAndSomeInvoicedOrCancelled()
    {
        var statuses = _folder.Table("orders.csv").Values("status").GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["cancelled", "invoiced", "open"], statuses.Keys.Order(StringComparer.Ordinal));
        Assert.True(statuses["open"] > 500);
    }

    [Fact]
    public void Financials_CoverAboutHalfTheCustomersWithYearlyStatements()
    {
        var financials = _folder.Table("financials.csv");
        var customers = financials.Values("customer_id").Distinct().Count();

        Assert.InRange(customers, 400, 650);
        Assert.All(financials.Values("period_end"), p => Assert.EndsWith("-12-31", p, StringComparison.Ordinal));
        Assert.Contains(financials.Values("net_income"), n => n.StartsWith('-'));
    }

    [Fact]
    public void ExpertScores_AreTwoDelphiRoundsOfThreeToFiveExpertsOnTheFourCriteria()
    {
        var scores = _folder.Table("expert_scores.csv").Rows;
        var byCustomer = scores.GroupBy(r => r[0]).ToList();

        Assert.InRange(byCustomer.Count, 25, 90);
        foreach (var customer in byCustomer)
        {
            Assert.Equal(["1", "2"], customer.Select(r => r[1]).Distinct().Order(StringComparer.Ordinal));
            var experts = customer.Select(r => r[2]).Distinct().Count();
            Assert.InRange(experts, 3, 5);
            Assert.Equal(experts * 4 * 2, customer.Count());
            Assert.Equal(["bad_record", "claim_cause", "collection_effort", "overall"], customer.Select(r => r[4]).Distinct().Order(StringComparer.Ordinal));
            Assert.All(customer, r => Assert.InRange(int.Parse(r[5], CultureInfo.InvariantCulture), 1, 5));
            Assert.True(string.CompareOrdinal(customer.First(r => r[1] == "2")[3], customer.First(r => r[1] == "1")[3]) > 0);
        }
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]{2}$")]
    private static partial Regex MoneyFormat();

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]{2}$")]
    private static partial Regex SignedMoneyFormat();
}
