using CustomerRisk.Analytics;
using CustomerRisk.Application.Ports;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

/// <summary><see cref="IRiskStore.ReadLedgerBatchesAsync"/>: the same ledgers as <see cref="IRiskStore.ReadLedgersAsync"/>,
/// in batches, with the line chunks of a batch given back to the reading threads once the next batch is asked for.</summary>
public sealed class LedgerBatchReadingTests
{
    private sealed record Snapshot(string CustomerId, InvoiceLine[] Invoices, PaymentLine[] Payments, ClaimLine[] Claims);

    private static Snapshot Copy(CustomerLedger ledger) =>
        new(ledger.Customer.CustomerId, ledger.Invoices.ToArray(), ledger.Payments.ToArray(), ledger.Claims.ToArray());

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Batches_HoldTheSameLedgersAsOneByOne_WhileTheirChunksAreRefilled(string provider)
    {
        // More customers than the reading threads may run ahead of the merge (4,096), so that they need chunks again
        // while batches are held; rows enough for many 2,048-line chunks, customers straddling chunk ends, and one
        // customer larger than a chunk (an array of its own); small batches, so chunks go back many times.
        await using var test = await TestStore.CreateAsync(provider);
        const int customers = 9000;
        var ids = Enumerable.Range(0, customers).Select(i => $"C{i:0000}").ToArray();
        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync(ids.Select(id => Customer(id)).ToArray());
            await session.UpsertInvoicesAsync(ids.SelectMany((id, c) => Enumerable.Range(0, c == 700 ? 5000 : c % 23)
                .Select(k => Invoice($"{id}-I{k}", id, "2026-01-01", "2026-01-31", c + (k / 10000m)))).ToArray());
            await session.UpsertPaymentsAsync(ids.SelectMany((id, c) => Enumerable.Range(0, c % 5)
                .Select(k => Payment($"{id}-P{k}", id, "2026-02-01", k + 1m, $"{id}-I{k}"))).ToArray());
            await session.CommitAsync();
        }

        var expected = new List<Snapshot>();
        await foreach (var ledger in test.Store.ReadLedgersAsync(D("2100-01-01")))
        {
            expected.Add(Copy(ledger));
        }

        var actual = new List<Snapshot>();
        var sizes = new List<int>();
        await foreach (var batch in test.Store.ReadLedgerBatchesAsync(D("2100-01-01"), null, 40))
        {
            // Give the reading threads time to run ahead: a chunk given back too early would be overwritten now.
            await Task.Delay(2);
            sizes.Add(batch.Count);
            actual.AddRange(batch.Select(Copy));
        }

        Assert.Equal(customers, expected.Count);
        Assert.Equal(Enumerable.Repeat(40, customers / 40), sizes);
        Assert.Equal(expected.Select(s => s.CustomerId), actual.Select(s => s.CustomerId));
        for (var c = 0; c < customers; c++)
        {
            Assert.Equal(expected[c].Invoices, actual[c].Invoices);
            Assert.Equal(expected[c].Payments, actual[c].Payments);
            Assert.Equal(expected[c].Claims, actual[c].Claims);
            Assert.Equal(c == 700 ? 5000 : c % 23, actual[c].Invoices.Length);
            Assert.All(actual[c].Invoices, i => Assert.Equal(c, decimal.Truncate(i.Amount)));
            // Payment k names invoice k (amount c + k/10,000): linked to it when the customer has it.
            var invoices = actual[c].Invoices;
            Assert.Equal(Enumerable.Range(0, c % 5).Select(k => k < invoices.Length ? c + (k / 10000m) : -1m),
                actual[c].Payments.Select(p => p.InvoiceIndex >= 0 ? invoices[p.InvoiceIndex].Amount : -1m));
        }
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Batches_OfOneCustomer_AndOfAnEmptyStore(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var none = new List<int>();
        await foreach (var batch in test.Store.ReadLedgerBatchesAsync(D("2026-12-31"), null, 10))
        {
            none.Add(batch.Count);
        }

        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("A"), Customer("B")]);
            await session.UpsertInvoicesAsync([Invoice("I1", "B", "2026-01-01", "2026-01-31", 7m)]);
            await session.CommitAsync();
        }

        var one = new List<Snapshot>();
        await foreach (var batch in test.Store.ReadLedgerBatchesAsync(D("2026-12-31"), "B", 10))
        {
            one.AddRange(batch.Select(Copy));
        }

        Assert.Empty(none);
        var b = Assert.Single(one);
        Assert.Equal("B", b.CustomerId);
        Assert.Equal(7m, Assert.Single(b.Invoices).Amount);
    }

    [Theory]
    [StoreProviders]
    public async Task Batches_OfNoCustomerEach_AreRefused(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in test.Store.ReadLedgerBatchesAsync(D("2026-12-31"), null, 0))
            {
            }
        });
    }
}
