using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>A real SQLite store in a temporary folder of its own, filled with a hand-made ledger; deleted afterwards.</summary>
public sealed class LedgerStore : IAsyncDisposable
{
    private readonly string _folder;

    private LedgerStore(string folder, IRiskStore store)
    {
        _folder = folder;
        Store = store;
    }

    public IRiskStore Store { get; }

    /// <summary>The clock the stores and the use cases get: fixed, so nothing depends on when the test runs.</summary>
    public static TimeProvider Clock { get; } = new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero));

    public static async Task<LedgerStore> CreateAsync(
        IReadOnlyList<Customer> customers,
        IReadOnlyList<Invoice> invoices,
        IReadOnlyList<Payment>? payments = null,
        IReadOnlyList<Claim>? claims = null,
        IReadOnlyList<Interaction>? interactions = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crisk-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = await RiskStoreFactory.OpenMigratedAsync(Path.Combine(folder, "store.db"), Clock);
        await using (var session = await store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync(customers);
            await session.UpsertInvoicesAsync(invoices);
            await session.UpsertPaymentsAsync(payments ?? []);
            await session.UpsertClaimsAsync(claims ?? []);
            await session.UpsertInteractionsAsync(interactions ?? []);
            await session.CommitAsync();
        }

        return new LedgerStore(folder, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer on some systems; the temp folder is cleaned eventually.
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>Short constructors for hand-made ledgers.</summary>
public static class L
{
    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Invoice Invoice(string id, string customer, string issued, int termsDays, decimal amount) => new()
    {
        InvoiceId = id, CustomerId = customer, IssueDate = D(issued), DueDate = D(issued).AddDays(termsDays), Amount = amount,
    };

    public static Payment Pay(string id, string customer, string date, decimal amount, string? invoice) => new()
    {
        PaymentId = id, CustomerId = customer, PaymentDate = D(date), Amount = amount, InvoiceId = invoice,
    };
}
