using System.Text.Json;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

public sealed class ImportSessionTests
{
    private static readonly Customer[] TwoCustomers = [Customer("C1", "Alpha"), Customer("C2", "Beta")];

    private static readonly Invoice[] ThreeInvoices =
    [
        Invoice("I1", "C1", "2026-01-01", "2026-01-31", 100.50m),
        Invoice("I2", "C1", "2026-02-01", "2026-03-03", 200m),
        Invoice("I3", "C2", "2026-01-15", "2026-02-14", 0.0001m),
    ];

    private static async Task ImportAsync(TestStore test, Func<IImportSession, Task> work)
    {
        await using var session = await test.Store.BeginImportAsync();
        await work(session);
        await session.CommitAsync();
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_CountsNewRowsAsInserted(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var session = await test.Store.BeginImportAsync();

        Assert.Equal(new UpsertCounts(2, 0, 0), await session.UpsertCustomersAsync(TwoCustomers));
        Assert.Equal(new UpsertCounts(3, 0, 0), await session.UpsertInvoicesAsync(ThreeInvoices));
        Assert.Equal(new UpsertCounts(1, 0, 0), await session.UpsertPaymentsAsync([Payment("P1", "C1", "2026-02-01", 100.50m, "I1")]));
        await session.CommitAsync();

        Assert.Equal(3, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM record_history"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_TheSameRowsTwice_ChangesNothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync(TwoCustomers);
            await s.UpsertInvoicesAsync(ThreeInvoices);
        });

        await using var again = await test.Store.BeginImportAsync();
        var customers = await again.UpsertCustomersAsync(TwoCustomers);
        var invoices = await again.UpsertInvoicesAsync(ThreeInvoices);
        await again.CommitAsync();

        Assert.Equal(new UpsertCounts(0, 0, 2), customers);
        Assert.Equal(new UpsertCounts(0, 0, 3), invoices);
        Assert.Equal(3, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM record_history"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_AChangedRow_UpdatesItAndKeepsOldAndNewValuesInTheHistory(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync(TwoCustomers);
            await s.UpsertInvoicesAsync(ThreeInvoices);
        });

        UpsertCounts counts = default;
        await ImportAsync(test, async s => counts = await s.UpsertInvoicesAsync(
        [
            ThreeInvoices[0] with { Amount = 120m, DueDate = D("2026-02-15") },
            ThreeInvoices[1],
        ]));

        Assert.Equal(new UpsertCounts(0, 1, 1), counts);
        var history = await test.QueryAsync(
            "SELECT table_name, record_key, customer_id, old_values, new_values, changed_at FROM record_history");
        var change = Assert.Single(history);
        Assert.Equal("invoices", change[0]);
        Assert.Equal("I1", change[1]);
        Assert.Equal("C1", change[2]);
        using var old = JsonDocument.Parse(change[3]!.ToString()!);
        using var @new = JsonDocument.Parse(change[4]!.ToString()!);
        Assert.Equal(100.5m, old.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(120m, @new.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-01-31", old.RootElement.GetProperty("due_date").GetString());
        Assert.Equal("2026-02-15", @new.RootElement.GetProperty("due_date").GetString());
        Assert.Equal("2026-01-01", @new.RootElement.GetProperty("issue_date").GetString());
        Assert.Equal(JsonValueKind.Null, @new.RootElement.GetProperty("currency").ValueKind);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero), ChangedAt(change[5]!));
        Assert.Equal(120m, await ReadInvoiceAmountAsync(test, "C1", 0));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_ACustomerWhoseNameChanges_IsUpdatedWithHistory(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, s => s.UpsertCustomersAsync([Customer("C1") with { CreditLimit = 5000m }]));

        UpsertCounts counts = default;
        await ImportAsync(test, async s => counts = await s.UpsertCustomersAsync([Customer("C1", "Acme Ltd") with { CreditLimit = 5000m }]));

        Assert.Equal(new UpsertCounts(0, 1, 0), counts);
        var change = Assert.Single(await test.QueryAsync("SELECT old_values, new_values FROM record_history WHERE table_name = 'customers'"));
        using var old = JsonDocument.Parse(change[0]!.ToString()!);
        using var @new = JsonDocument.Parse(change[1]!.ToString()!);
        Assert.Equal("Acme", old.RootElement.GetProperty("name").GetString());
        Assert.Equal("Acme Ltd", @new.RootElement.GetProperty("name").GetString());
        Assert.Equal(5000m, @new.RootElement.GetProperty("credit_limit").GetDecimal());
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_TheSameKeyTwiceInOneBatch_InsertsThenUpdates(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var session = await test.Store.BeginImportAsync();
        await session.UpsertCustomersAsync(TwoCustomers);

        var counts = await session.UpsertInvoicesAsync(
        [
            Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m),
            Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m),
            Invoice("I1", "C1", "2026-01-01", "2026-01-31", 12m),
        ]);
        await session.CommitAsync();

        Assert.Equal(new UpsertCounts(1, 1, 1), counts);
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM record_history"));
        Assert.Equal(12m, await ReadInvoiceAmountAsync(test, "C1", 0));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Dispose_WithoutCommit_LeavesTheStoreAsItWas(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync(TwoCustomers);
            await s.UpsertInvoicesAsync(ThreeInvoices);
        });

        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C3"), Customer("C1", "Renamed")]);
            await session.UpsertInvoicesAsync([ThreeInvoices[0] with { Amount = 1m }, Invoice("I9", "C3", "2026-01-01", "2026-01-01", 5m)]);
        }

        Assert.Equal(2, await test.CountAsync("SELECT count(*) FROM customers"));
        Assert.Equal(3, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM record_history"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM import_runs"));
        Assert.Equal(100.5m, await ReadInvoiceAmountAsync(test, "C1", 0));
        Assert.Equal("Alpha", (await FirstLedgerAsync(test, "C1")).Customer.Name);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Commit_RecordsTheImportRunWithItsCounts(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, async s =>
        {
            await s.UpsertCustomersAsync(TwoCustomers);
            await s.UpsertCustomersAsync([Customer("C1", "Alpha Two"), Customer("C2", "Beta")]);
        });

        var run = Assert.Single(await test.QueryAsync("SELECT inserted, updated, unchanged FROM import_runs"));
        Assert.Equal([2L, 1L, 1L], run.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadCustomerIds_IncludesThoseUpsertedInTheSession(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportAsync(test, s => s.UpsertCustomersAsync([Customer("C1")]));

        await using var session = await test.Store.BeginImportAsync();
        Assert.Equal(["C1"], (await session.ReadCustomerIdsAsync()).Order());
        await session.UpsertCustomersAsync([Customer("C2")]);

        Assert.Equal(["C1", "C2"], (await session.ReadCustomerIdsAsync()).Order());
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_AFactOfAnUnknownCustomer_IsRefusedAndNothingOfTheBatchIsWritten(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var session = await test.Store.BeginImportAsync();
        await session.UpsertCustomersAsync([Customer("C1")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.UpsertInvoicesAsync(
            [Invoice("I1", "C1", "2026-01-01", "2026-01-31", 1m), Invoice("I2", "NOPE", "2026-01-01", "2026-01-31", 1m)]));

        Assert.Contains("invoice I2", error.Message, StringComparison.Ordinal);
        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
        Assert.Equal(new UpsertCounts(1, 0, 0), await session.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 1m)]));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_AnAmountWithMoreThanFourDecimals_IsRefusedNotRounded(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var session = await test.Store.BeginImportAsync();
        await session.UpsertCustomersAsync([Customer("C1")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.UpsertPaymentsAsync(
            [Payment("P1", "C1", "2026-01-01", 1m), Payment("P2", "C1", "2026-01-01", 0.00001m)]));
        var tooLarge = await Assert.ThrowsAsync<ArgumentException>(() => session.UpsertCustomersAsync(
            [Customer("C2") with { AnnualRevenue = 100_000_000_000_000m }]));

        Assert.Contains("payment P2", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 4 decimals", error.Message, StringComparison.Ordinal);
        Assert.Contains("annual_revenue", tooLarge.Message, StringComparison.Ordinal);
        await session.CommitAsync();
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM payments"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM customers"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Upsert_EveryKindOfRecord_IsStoredOnceAndUnchangedTheSecondTime(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var customers = new[]
        {
            Customer("C1") with
            {
                Industry = "Steel", Region = "North", SalesOwner = "li", AnnualRevenue = 1_000_000m, CreditLimit = 50_000m,
                PaymentTermsDays = 45, ProductFocus = ProductFocus.MainlyOurs, CustomerSince = D("2019-04-01"),
            },
        };
        Claim[] claims = [new() { ClaimId = "K1", CustomerId = "C1", ClaimDate = D("2026-03-01"), Amount = 12.5m, InvoiceId = "I1", Reason = ClaimReason.Quality }];
        SalesOrder[] orders = [new() { OrderId = "O1", CustomerId = "C1", OrderDate = D("2026-03-02"), Amount = 900m, Status = OrderStatus.Cancelled }];
        Interaction[] interactions = [new() { EventId = "E1", CustomerId = "C1", Date = D("2026-03-03"), Type = InteractionType.BrokenPromise, Amount = 10m, Note = "said next week" }];
        FinancialStatement[] financials = [new() { CustomerId = "C1", PeriodEnd = D("2025-12-31"), Revenue = 1_000_000m, NetIncome = -25_000.75m }];
        ExpertScore[] scores = [new() { CustomerId = "C1", Round = 1, ExpertId = "x1", Date = D("2026-03-04"), Criterion = ExpertCriterion.ClaimCause, Score = 4 }];

        async Task<UpsertCounts> ImportAll()
        {
            var total = default(UpsertCounts);
            await ImportAsync(test, async s =>
            {
                total += await s.UpsertCustomersAsync(customers);
                total += await s.UpsertClaimsAsync(claims);
                total += await s.UpsertOrdersAsync(orders);
                total += await s.UpsertInteractionsAsync(interactions);
                total += await s.UpsertFinancialsAsync(financials);
                total += await s.UpsertExpertScoresAsync(scores);
            });
            return total;
        }

        Assert.Equal(new UpsertCounts(6, 0, 0), await ImportAll());
        Assert.Equal(new UpsertCounts(0, 0, 6), await ImportAll());

        UpsertCounts changed = default;
        await ImportAsync(test, async s =>
        {
            changed += await s.UpsertFinancialsAsync([financials[0] with { NetIncome = -25_000.7501m }]);
            changed += await s.UpsertExpertScoresAsync([scores[0] with { Score = 2 }]);
        });
        Assert.Equal(new UpsertCounts(0, 2, 0), changed);
        var keys = (await test.QueryAsync("SELECT record_key FROM record_history ORDER BY table_name")).Select(r => r[0]).ToArray();
        Assert.Equal(["C1|1|x1|claim_cause", "C1|2025-12-31"], keys);

        var ledger = await FirstLedgerAsync(test, "C1");
        Assert.Equal(customers[0], ledger.Customer);
        Assert.Equal([new Analytics.ClaimLine(D("2026-03-01"), 12.5m)], ledger.Claims.ToArray());
        Assert.Equal([new Analytics.OrderLine(D("2026-03-02"), 900m, OrderStatus.Cancelled)], ledger.Orders.ToArray());
        Assert.Equal([new Analytics.InteractionLine(D("2026-03-03"), InteractionType.BrokenPromise)], ledger.Interactions.ToArray());
    }

    internal static async Task<Analytics.CustomerLedger> FirstLedgerAsync(TestStore test, string customerId, string asOf = "2100-01-01")
    {
        await foreach (var ledger in test.Store.ReadLedgersAsync(D(asOf), customerId))
        {
            return ledger;
        }

        throw new InvalidOperationException($"No ledger for {customerId}.");
    }

    private static async Task<decimal> ReadInvoiceAmountAsync(TestStore test, string customerId, int index) =>
        (await FirstLedgerAsync(test, customerId)).Invoices.Span[index].Amount;

    private static DateTimeOffset ChangedAt(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset instant => instant,
        _ => throw new InvalidOperationException($"Unexpected changed_at {value.GetType()}"),
    };
}
