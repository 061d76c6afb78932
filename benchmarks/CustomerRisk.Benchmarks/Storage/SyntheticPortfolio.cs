using System.Diagnostics;
using System.Globalization;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage;

namespace CustomerRisk.Benchmarks.Storage;

/// <summary>Builds a synthetic store (SQLite, or PostgreSQL when given a connection string) through the import session's bulk path (the same path `crisk import`
/// uses), and reports how fast it went. Deterministic: the same sizes and seed give the same store.</summary>
public static class SyntheticPortfolio
{
    private const int BatchSize = 50_000;
    private static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>The store for the sizes, in the temporary folder; built on first use and kept for later runs.</summary>
    public static async Task<string> EnsureAsync(int customers, int invoicesPerCustomer, int paymentsPerCustomer,
        TextWriter? log = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "crisk-benchmarks",
            $"ledger-{customers}-{invoicesPerCustomer}-{paymentsPerCustomer}.db");
        if (File.Exists(path + ".done"))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var stale in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(stale);
        }

        var figures = await BuildAsync(path, customers, invoicesPerCustomer, paymentsPerCustomer).ConfigureAwait(false);
        log?.WriteLine(figures);
        await File.WriteAllTextAsync(path + ".done", figures).ConfigureAwait(false);
        return path;
    }

    /// <summary>Imports the portfolio into a new store at <paramref name="path"/> (a file or a connection string); returns the import figures (time in
    /// the store's upsert calls only, not in making the records).</summary>
    public static async Task<string> BuildAsync(string path, int customers, int invoicesPerCustomer, int paymentsPerCustomer)
    {
        await using var store = await RiskStoreFactory.OpenMigratedAsync(path).ConfigureAwait(false);
        await using var session = await store.BeginImportAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await session.UpsertCustomersAsync(Enumerable.Range(0, customers).Select(Customer).ToArray()).ConfigureAwait(false);
        var customersTime = clock.Elapsed;

        var invoicesTime = TimeSpan.Zero;
        var invoices = new List<Invoice>(BatchSize);
        long invoiceRows = 0;
        for (var c = 0; c < customers; c++)
        {
            for (var k = 0; k < invoicesPerCustomer; k++)
            {
                invoices.Add(Invoice(c, k, invoicesPerCustomer));
                if (invoices.Count == BatchSize)
                {
                    invoiceRows += invoices.Count;
                    clock.Restart();
                    await session.UpsertInvoicesAsync(invoices).ConfigureAwait(false);
                    invoicesTime += clock.Elapsed;
                    invoices.Clear();
                }
            }
        }

        invoiceRows += invoices.Count;
        clock.Restart();
        await session.UpsertInvoicesAsync(invoices).ConfigureAwait(false);
        invoicesTime += clock.Elapsed;

        var paymentsTime = TimeSpan.Zero;
        var payments = new List<Payment>(BatchSize);
        long paymentRows = 0;
        for (var c = 0; c < customers; c++)
        {
            for (var k = 0; k < paymentsPerCustomer; k++)
            {
                payments.Add(Payment(c, k, invoicesPerCustomer, paymentsPerCustomer));
                if (payments.Count == BatchSize)
                {
                    paymentRows += payments.Count;
                    clock.Restart();
                    await session.UpsertPaymentsAsync(payments).ConfigureAwait(false);
                    paymentsTime += clock.Elapsed;
                    payments.Clear();
                }
            }
        }

        paymentRows += payments.Count;
        clock.Restart();
        await session.UpsertPaymentsAsync(payments).ConfigureAwait(false);
        paymentsTime += clock.Elapsed;

        clock.Restart();
        await session.CommitAsync().ConfigureAwait(false);
        var commitTime = clock.Elapsed;

        return string.Create(CultureInfo.InvariantCulture,
            $"import into {store.Provider}: {customers:N0} customers in {customersTime.TotalSeconds:F1} s; " +
            $"{invoiceRows:N0} invoices in {invoicesTime.TotalSeconds:F1} s ({invoiceRows / invoicesTime.TotalSeconds:N0} rows/s); " +
            $"{paymentRows:N0} payments in {paymentsTime.TotalSeconds:F1} s ({paymentRows / paymentsTime.TotalSeconds:N0} rows/s); " +
            $"commit {commitTime.TotalSeconds:F1} s");
    }

    /// <summary>Reads every ledger once; returns (customers, invoice lines, payment lines, linked payments).</summary>
    public static async Task<(int Customers, long Invoices, long Payments, long Linked)> ReadAllAsync(IRiskStore store,
        DateOnly asOf)
    {
        int customers = 0;
        long invoices = 0, payments = 0, linked = 0;
        await foreach (var ledger in store.ReadLedgersAsync(asOf).ConfigureAwait(false))
        {
            customers++;
            invoices += ledger.Invoices.Length;
            payments += ledger.Payments.Length;
            foreach (var payment in ledger.Payments.Span)
            {
                linked += payment.InvoiceIndex >= 0 ? 1 : 0;
            }
        }

        return (customers, invoices, payments, linked);
    }

    internal static string CustomerId(int c) => string.Create(CultureInfo.InvariantCulture, $"C{c:0000000}");

    private static Customer Customer(int c) => new()
    {
        CustomerId = CustomerId(c),
        Name = string.Create(CultureInfo.InvariantCulture, $"Customer {c}"),
        Region = (c % 7).ToString(CultureInfo.InvariantCulture),
        CreditLimit = 10_000m * (1 + (c % 50)),
        PaymentTermsDays = 30,
        CustomerSince = Start.AddDays(-(c % 2000)),
    };

    private static Invoice Invoice(int c, int k, int perCustomer)
    {
        var issue = Start.AddDays((int)((long)k * 700 / Math.Max(1, perCustomer)) + (c % 5));
        return new Invoice
        {
            InvoiceId = string.Create(CultureInfo.InvariantCulture, $"INV-{c:0000000}-{k:0000}"),
            CustomerId = CustomerId(c),
            IssueDate = issue,
            DueDate = issue.AddDays(30),
            Amount = 100m + ((c * 7919L + k * 104729L) % 1_000_000) / 100m,
        };
    }

    private static Payment Payment(int c, int k, int invoicesPerCustomer, int perCustomer)
    {
        // Four payments in five name an invoice; the rest are applied oldest-first.
        var names = k % 5 != 4 && invoicesPerCustomer > 0;
        var invoice = Math.Min(k, invoicesPerCustomer - 1);
        return new Payment
        {
            PaymentId = string.Create(CultureInfo.InvariantCulture, $"PAY-{c:0000000}-{k:0000}"),
            CustomerId = CustomerId(c),
            PaymentDate = Start.AddDays((int)((long)k * 700 / Math.Max(1, perCustomer)) + 25 + (c % 20)),
            Amount = 50m + ((c * 31L + k * 17L) % 100_000) / 100m,
            InvoiceId = names ? string.Create(CultureInfo.InvariantCulture, $"INV-{c:0000000}-{invoice:0000}") : null,
        };
    }
}
