using CustomerRisk.Analytics;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

public sealed class LedgerReadingTests
{
    private static async Task ImportAsync(TestStore test, Func<IImportSession, Task> work)
    {
        await using var session = await test.Store.BeginImportAsync();
        await work(session);
        await session.CommitAsync();
    }

    private static async Task<List<CustomerLedger>> ReadAllAsync(TestStore test, string asOf = "2100-01-01", string? customerId = null)
    {
        var ledgers = new List<CustomerLedger>();
        await foreach (var ledger in test.Store.ReadLedgersAsync(D(asOf), customerId))
        {
            ledgers.Add(ledger);
        }

        return ledgers;
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_ComesInCustomerIdOrder_WithEveryCustomerEvenWithoutRecords(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("b"), Customer("C10"), Customer("A"), Customer("C2"), Customer("a")]);
            await s.UpsertInvoicesAsync([Invoice("I1", "C2", "2026-01-01", "2026-01-31", 1m), Invoice("I2", "a", "2026-01-01", "2026-01-31", 2m)]);
        });

        var ledgers = await ReadAllAsync(test);

        // Ordinal (byte) order: upper case before lower case, "C10" before "C2".
        Assert.Equal(["A", "C10", "C2", "a", "b"], ledgers.Select(l => l.Customer.CustomerId));
        Assert.Equal([0, 0, 1, 1, 0], ledgers.Select(l => l.Invoices.Length));
        Assert.Equal(2m, ledgers[3].Invoices.Span[0].Amount);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_OrdersInvoicesByDueDateThenIssueDateThenId_AndPaymentsByDateThenId(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1"), Customer("C0")]);
            await s.UpsertInvoicesAsync(
            [
                Invoice("I-b", "C1", "2026-01-05", "2026-02-01", 4m),
                Invoice("I-c", "C1", "2026-01-01", "2026-03-01", 5m),
                Invoice("I-a", "C1", "2026-01-05", "2026-02-01", 3m),
                Invoice("I-z", "C1", "2026-01-02", "2026-02-01", 2m),
                Invoice("I-y", "C1", "2026-01-03", "2026-01-20", 1m),
                Invoice("I-0", "C0", "2026-01-03", "2026-01-20", 9m),
            ]);
            await s.UpsertPaymentsAsync(
            [
                Payment("P3", "C1", "2026-02-10", 3m),
                Payment("P1", "C1", "2026-02-10", 2m),
                Payment("P0", "C1", "2026-01-10", 1m),
            ]);
        });

        var c1 = (await ReadAllAsync(test))[1];

        Assert.Equal("C1", c1.Customer.CustomerId);
        Assert.Equal([1m, 2m, 3m, 4m, 5m], c1.Invoices.ToArray().Select(i => i.Amount));
        Assert.Equal([1m, 2m, 3m], c1.Payments.ToArray().Select(p => p.Amount));
        Assert.Equal(new InvoiceLine(D("2026-01-03"), D("2026-01-20"), 1m), c1.Invoices.Span[0]);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_PointsEachPaymentAtItsInvoiceInTheCustomersArray(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1"), Customer("C2")]);
            await s.UpsertInvoicesAsync(
            [
                Invoice("late", "C1", "2026-02-01", "2026-03-01", 20m),
                Invoice("early", "C1", "2026-01-01", "2026-02-01", 10m),
                Invoice("other", "C2", "2026-01-01", "2026-02-01", 30m),
            ]);
            await s.UpsertPaymentsAsync(
            [
                Payment("P1", "C1", "2026-02-02", 20m, "late"),
                Payment("P2", "C1", "2026-02-03", 10m, "early"),
                Payment("P3", "C1", "2026-02-04", 5m),
                Payment("P4", "C1", "2026-02-05", 5m, "other"),
                Payment("P5", "C1", "2026-02-06", 5m, "no-such-invoice"),
            ]);
        });

        var c1 = (await ReadAllAsync(test))[0];

        Assert.Equal([1, 0, -1, -1, -1], c1.Payments.ToArray().Select(p => p.InvoiceIndex));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_LinksAPaymentImportedBeforeItsInvoice(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1")]);
            await s.UpsertPaymentsAsync([Payment("P1", "C1", "2026-02-02", 20m, "I2")]);
        });
        Assert.Equal(-1, (await ReadAllAsync(test))[0].Payments.Span[0].InvoiceIndex);

        await ImportAsync(test, s => s.UpsertInvoicesAsync(
            [Invoice("I1", "C1", "2026-01-01", "2026-01-31", 5m), Invoice("I2", "C1", "2026-01-02", "2026-02-01", 20m)]));

        Assert.Equal(1, (await ReadAllAsync(test))[0].Payments.Span[0].InvoiceIndex);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_FindsInvoicesOfACustomerWithManyInvoices(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var invoices = Enumerable.Range(0, 100)
            .Select(i => Invoice($"I{i:000}", "C1", "2026-01-01", D("2026-01-01").AddDays(100 - i).ToString("yyyy-MM-dd", null), i + 1))
            .ToArray();
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1")]);
            await s.UpsertInvoicesAsync(invoices);
            await s.UpsertPaymentsAsync([Payment("P1", "C1", "2026-05-01", 1m, "I000"), Payment("P2", "C1", "2026-05-02", 1m, "I099")]);
        });

        var ledger = (await ReadAllAsync(test))[0];

        // I099 falls due first, I000 last.
        Assert.Equal([99, 0], ledger.Payments.ToArray().Select(p => p.InvoiceIndex));
        Assert.Equal(1m, ledger.Invoices.Span[99].Amount);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_LeavesOutRecordsDatedAfterTheAsOfDate(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1")]);
            await s.UpsertInvoicesAsync(
            [
                Invoice("I1", "C1", "2026-01-01", "2026-01-31", 1m),
                Invoice("I2", "C1", "2026-03-31", "2026-04-30", 2m),
                Invoice("I3", "C1", "2026-04-01", "2026-04-01", 3m),
            ]);
            await s.UpsertPaymentsAsync([Payment("P1", "C1", "2026-03-31", 1m, "I2"), Payment("P2", "C1", "2026-04-01", 1m)]);
            await s.UpsertClaimsAsync([new Claim { ClaimId = "K1", CustomerId = "C1", ClaimDate = D("2026-04-01"), Amount = 1m }]);
            await s.UpsertOrdersAsync([new SalesOrder { OrderId = "O1", CustomerId = "C1", OrderDate = D("2026-03-31"), Amount = 1m }]);
            await s.UpsertInteractionsAsync([new Interaction { EventId = "E1", CustomerId = "C1", Date = D("2026-04-02"), Type = InteractionType.Complaint }]);
        });

        var ledger = (await ReadAllAsync(test, asOf: "2026-03-31"))[0];

        Assert.Equal([1m, 2m], ledger.Invoices.ToArray().Select(i => i.Amount));
        var payment = Assert.Single(ledger.Payments.ToArray());
        Assert.Equal(1, payment.InvoiceIndex);
        Assert.Equal(0, ledger.Claims.Length);
        Assert.Equal(1, ledger.Orders.Length);
        Assert.Equal(0, ledger.Interactions.Length);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_ForOneCustomer_ReadsOnlyThatCustomer(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1"), Customer("C2"), Customer("C3")]);
            await s.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 1m), Invoice("I2", "C2", "2026-01-01", "2026-01-31", 2m), Invoice("I3", "C3", "2026-01-01", "2026-01-31", 3m)]);
        });

        var only = Assert.Single(await ReadAllAsync(test, customerId: "C2"));

        Assert.Equal("C2", only.Customer.CustomerId);
        Assert.Equal(2m, Assert.Single(only.Invoices.ToArray()).Amount);
        Assert.Empty(await ReadAllAsync(test, customerId: "nobody"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Amounts_RoundTripExactly_FromTheSmallestToTheLargest(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        decimal[] amounts = [0.0001m, 0.1m, 1.2345m, 100.10m, 99_999_999_999_999.9999m, 12_345_678_901.2345m];
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1") with { CreditLimit = 99_999_999_999_999.9999m, AnnualRevenue = 0.0001m }]);
            await s.UpsertInvoicesAsync(amounts.Select((a, i) => Invoice($"I{i}", "C1", "2026-01-01", $"2026-01-{10 + i}", a)).ToArray());
            await s.UpsertPaymentsAsync(amounts.Select((a, i) => Payment($"P{i}", "C1", $"2026-02-{10 + i}", a)).ToArray());
        });

        var ledger = (await ReadAllAsync(test))[0];

        Assert.Equal(amounts, ledger.Invoices.ToArray().Select(i => i.Amount));
        Assert.Equal(amounts, ledger.Payments.ToArray().Select(p => p.Amount));
        Assert.Equal(99_999_999_999_999.9999m, ledger.Customer.CreditLimit);
        Assert.Equal(0.0001m, ledger.Customer.AnnualRevenue);
        // Read back without trailing zeros on both providers: 100.10 comes back as 100.1.
        Assert.Equal("100.1", ledger.Invoices.Span[3].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Dates_RoundTrip_IncludingTheFirstAndLastDayOfTheCalendar(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync([Customer("C1") with { CustomerSince = D("1999-12-31") }]);
            await s.UpsertInvoicesAsync(
            [
                new Invoice { InvoiceId = "I1", CustomerId = "C1", IssueDate = DateOnly.MinValue, DueDate = D("2024-02-29"), Amount = 1m },
                new Invoice { InvoiceId = "I2", CustomerId = "C1", IssueDate = D("2026-12-31"), DueDate = DateOnly.MaxValue, Amount = 1m },
            ]);
        });

        var ledger = Assert.Single(await ReadAllAsync(test, asOf: "9999-12-31"));

        Assert.Equal(D("1999-12-31"), ledger.Customer.CustomerSince);
        Assert.Equal(new InvoiceLine(DateOnly.MinValue, D("2024-02-29"), 1m), ledger.Invoices.Span[0]);
        Assert.Equal(new InvoiceLine(D("2026-12-31"), DateOnly.MaxValue, 1m), ledger.Invoices.Span[1]);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLedgers_OfManyCustomers_GivesEachCustomerItsOwnRows(string provider)
    {
        // Enough customers and rows to cross several reading chunks and batches.
        await using var test = await TestStore.CreateAsync(provider);
        const int customers = 700;
        var ids = Enumerable.Range(0, customers).Select(i => $"C{i:0000}").ToArray();
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync(ids.Reverse().Select(id => Customer(id)).ToArray());
            await s.UpsertInvoicesAsync(ids.SelectMany((id, c) => Enumerable.Range(0, c % 7)
                .Select(k => Invoice($"{id}-I{k}", id, "2026-01-01", "2026-01-31", c + (k / 10m)))).ToArray());
            await s.UpsertPaymentsAsync(ids.Where((_, c) => c % 3 == 0)
                .Select(id => Payment($"{id}-P", id, "2026-02-01", 1m, $"{id}-I1")).ToArray());
        });

        var ledgers = await ReadAllAsync(test);

        Assert.Equal(ids, ledgers.Select(l => l.Customer.CustomerId));
        for (var c = 0; c < customers; c++)
        {
            var ledger = ledgers[c];
            Assert.Equal(c % 7, ledger.Invoices.Length);
            Assert.All(ledger.Invoices.ToArray(), i => Assert.Equal(c, decimal.Truncate(i.Amount)));
            Assert.Equal(c % 3 == 0 ? 1 : 0, ledger.Payments.Length);
            if (c % 3 == 0)
            {
                Assert.Equal(c % 7 >= 2 ? 1 : -1, ledger.Payments.Span[0].InvoiceIndex);
            }
        }
    }

    [Fact]
    public async Task SqliteLedgerQueries_WalkTheirCoveringIndexes_WithoutSorting()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        foreach (var table in Enum.GetValues<Ledgers.LedgerTable>().Where(t => t != Ledgers.LedgerTable.Customers))
        {
            var plan = await test.QueryAsync("EXPLAIN QUERY PLAN " + Sqlite.SqliteSql.Ledger(table, false).Replace("?1", "0", StringComparison.Ordinal));
            var text = string.Join(" | ", plan.Select(r => r[^1]));

            Assert.Contains("USING COVERING INDEX ix_", text, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
        }
    }
}
