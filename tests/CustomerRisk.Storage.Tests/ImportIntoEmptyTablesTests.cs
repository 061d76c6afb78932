using System.Text.Json;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

/// <summary>A table empty when an import session first writes to it gets its rows by plain insert on SQLite, falling
/// back to the upsert for a key stored earlier in the same session. What the session reports and stores must be what
/// the upsert alone gives, on both databases.</summary>
public sealed class ImportIntoEmptyTablesTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AKeyRepeatedInALaterBatch_IsUpdatedWithItsHistory(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var session = await test.Store.BeginImportAsync())
        {
            Assert.Equal(new UpsertCounts(2, 0, 0), await session.UpsertCustomersAsync([Customer("C1"), Customer("C2")]));
            Assert.Equal(new UpsertCounts(2, 0, 0), await session.UpsertInvoicesAsync(
                [Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m), Invoice("I2", "C1", "2026-01-02", "2026-02-01", 20m)]));
            Assert.Equal(new UpsertCounts(1, 1, 0), await session.UpsertInvoicesAsync(
                [Invoice("I2", "C2", "2026-01-02", "2026-02-01", 25m), Invoice("I3", "C2", "2026-01-03", "2026-02-02", 30m)]));
            await session.CommitAsync();
        }

        Assert.Equal(3, await test.CountAsync("SELECT count(*) FROM invoices"));
        var change = Assert.Single(await test.QueryAsync("SELECT record_key, customer_id, old_values, new_values FROM record_history"));
        Assert.Equal("I2", change[0]);
        Assert.Equal("C2", change[1]);
        using var old = JsonDocument.Parse(change[2]!.ToString()!);
        using var @new = JsonDocument.Parse(change[3]!.ToString()!);
        Assert.Equal(20m, old.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal("C1", old.RootElement.GetProperty("customer_id").GetString());
        Assert.Equal(25m, @new.RootElement.GetProperty("amount").GetDecimal());
        var c2 = await ImportSessionTests.FirstLedgerAsync(test, "C2");
        Assert.Equal([25m, 30m], c2.Invoices.ToArray().Select(i => i.Amount));
        Assert.Equal([10m], (await ImportSessionTests.FirstLedgerAsync(test, "C1")).Invoices.ToArray().Select(i => i.Amount));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TheSameBatchThreeTimesInOneSession_IsInsertedOnceThenUnchanged(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Invoice[] invoices =
        [
            Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m), Invoice("I2", "C1", "2026-01-02", "2026-02-01", 20m),
            Invoice("I3", "C1", "2026-01-03", "2026-02-02", 30m),
        ];

        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C1")]);
            Assert.Equal(new UpsertCounts(3, 0, 0), await session.UpsertInvoicesAsync(invoices));
            Assert.Equal(new UpsertCounts(0, 0, 3), await session.UpsertInvoicesAsync(invoices));
            // After a batch of stored keys the session upserts straight away; a new key among them is still new.
            Assert.Equal(new UpsertCounts(1, 0, 3), await session.UpsertInvoicesAsync(
                [.. invoices, Invoice("I4", "C1", "2026-01-04", "2026-02-03", 40m)]));
            await session.CommitAsync();
        }

        Assert.Equal(4, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM record_history"));
        var run = Assert.Single(await test.QueryAsync("SELECT inserted, updated, unchanged FROM import_runs"));
        Assert.Equal([5L, 0L, 6L], run.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task PaymentsInsertedIntoAnEmptyTable_AreLinkedToTheirInvoices_AlsoToOnesStoredLater(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C1")]);
            await session.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m)]);
            await session.UpsertPaymentsAsync(
            [
                Payment("P1", "C1", "2026-01-20", 10m, "I1"), Payment("P2", "C1", "2026-02-20", 5m, "I2"),
                Payment("P3", "C1", "2026-02-21", 1m),
            ]);
            // I2 arrives after the payment that names it (a second invoices file): linked at commit.
            await session.UpsertInvoicesAsync([Invoice("I2", "C1", "2026-02-01", "2026-03-03", 5m)]);
            await session.CommitAsync();
        }

        var ledger = await ImportSessionTests.FirstLedgerAsync(test, "C1");
        Assert.Equal(["I1", "I2"], ledger.Invoices.ToArray().Select(i => i.Amount == 10m ? "I1" : "I2"));
        Assert.Equal([0, 1, -1], ledger.Payments.ToArray().Select(p => p.InvoiceIndex));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ATableWithRowsBeforeTheSession_IsUpsertedAsBefore(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var first = await test.Store.BeginImportAsync())
        {
            await first.UpsertCustomersAsync([Customer("C1")]);
            await first.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m)]);
            await first.CommitAsync();
        }

        await using (var second = await test.Store.BeginImportAsync())
        {
            Assert.Equal(new UpsertCounts(1, 1, 0), await second.UpsertInvoicesAsync(
                [Invoice("I1", "C1", "2026-01-01", "2026-01-31", 11m), Invoice("I2", "C1", "2026-01-02", "2026-02-01", 20m)]));
            await second.CommitAsync();
        }

        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM record_history"));
        Assert.Equal([11m, 20m], (await ImportSessionTests.FirstLedgerAsync(test, "C1")).Invoices.ToArray().Select(i => i.Amount));
    }
}
