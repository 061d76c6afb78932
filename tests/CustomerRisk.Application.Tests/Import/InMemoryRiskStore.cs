using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>A store that keeps the imported records in dictionaries keyed as the real stores key them, with the same
/// all-or-nothing sessions: enough to test the import use case, not a stand-in for a database test.</summary>
internal sealed class InMemoryRiskStore : IRiskStore
{
    public LedgerState Committed { get; private set; } = new();

    /// <summary>When set, the session throws at commit (a crash before the transaction ends).</summary>
    public bool FailAtCommit { get; set; }

    /// <summary>The sizes of the batches handed to the sessions, in order.</summary>
    public List<int> BatchSizes { get; } = [];

    public string Provider => "memory";

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IImportSession>(new Session(this, Committed.Copy()));

    public IAsyncEnumerable<CustomerLedger> ReadLedgersAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SyncAlertsResult> SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync alerts,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, AssessmentRecord>> ReadLatestAssessmentsAsync(DateOnly asOf,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, Grade>> ReadLatestGradesAsync(DateOnly asOf,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(InMemoryRiskStore store, LedgerState state) : IImportSession
    {
        public Task<IReadOnlySet<string>> ReadCustomerIdsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(state.Customers.Keys));

        public Task<UpsertCounts> UpsertCustomersAsync(IReadOnlyList<Customer> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Customers, rows, r => r.CustomerId);

        public Task<UpsertCounts> UpsertInvoicesAsync(IReadOnlyList<Invoice> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Invoices, rows, r => r.InvoiceId);

        public Task<UpsertCounts> UpsertPaymentsAsync(IReadOnlyList<Payment> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Payments, rows, r => r.PaymentId);

        public Task<UpsertCounts> UpsertClaimsAsync(IReadOnlyList<Claim> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Claims, rows, r => r.ClaimId);

        public Task<UpsertCounts> UpsertOrdersAsync(IReadOnlyList<SalesOrder> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Orders, rows, r => r.OrderId);

        public Task<UpsertCounts> UpsertInteractionsAsync(IReadOnlyList<Interaction> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Interactions, rows, r => r.EventId);

        public Task<UpsertCounts> UpsertFinancialsAsync(IReadOnlyList<FinancialStatement> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.Financials, rows, r => $"{r.CustomerId}|{r.PeriodEnd:yyyy-MM-dd}");

        public Task<UpsertCounts> UpsertExpertScoresAsync(IReadOnlyList<ExpertScore> rows, CancellationToken cancellationToken = default) =>
            Upsert(state.ExpertScores, rows, r => $"{r.CustomerId}|{r.Round}|{r.ExpertId}|{r.Criterion}");

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (store.FailAtCommit)
            {
                throw new IOException("disk full");
            }

            store.Committed = state;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private Task<UpsertCounts> Upsert<T>(Dictionary<string, T> table, IReadOnlyList<T> rows, Func<T, string> key)
            where T : class
        {
            store.BatchSizes.Add(rows.Count);
            var counts = default(UpsertCounts);
            foreach (var row in rows)
            {
                var k = key(row);
                if (!table.TryGetValue(k, out var old))
                {
                    counts += new UpsertCounts(1, 0, 0);
                }
                else if (old.Equals(row))
                {
                    counts += new UpsertCounts(0, 0, 1);
                }
                else
                {
                    counts += new UpsertCounts(0, 1, 0);
                }

                table[k] = row;
            }

            return Task.FromResult(counts);
        }
    }
}

/// <summary>The committed records of an <see cref="InMemoryRiskStore"/>.</summary>
internal sealed class LedgerState
{
    public Dictionary<string, Customer> Customers { get; init; } = [];
    public Dictionary<string, Invoice> Invoices { get; init; } = [];
    public Dictionary<string, Payment> Payments { get; init; } = [];
    public Dictionary<string, Claim> Claims { get; init; } = [];
    public Dictionary<string, SalesOrder> Orders { get; init; } = [];
    public Dictionary<string, Interaction> Interactions { get; init; } = [];
    public Dictionary<string, FinancialStatement> Financials { get; init; } = [];
    public Dictionary<string, ExpertScore> ExpertScores { get; init; } = [];

    public int Count => Customers.Count + Invoices.Count + Payments.Count + Claims.Count + Orders.Count
        + Interactions.Count + Financials.Count + ExpertScores.Count;

    public LedgerState Copy() => new()
    {
        Customers = new(Customers),
        Invoices = new(Invoices),
        Payments = new(Payments),
        Claims = new(Claims),
        Orders = new(Orders),
        Interactions = new(Interactions),
        Financials = new(Financials),
        ExpertScores = new(ExpertScores),
    };

    /// <summary>True when both hold the same records under the same keys.</summary>
    public bool SameAs(LedgerState other) =>
        Same(Customers, other.Customers) && Same(Invoices, other.Invoices) && Same(Payments, other.Payments)
        && Same(Claims, other.Claims) && Same(Orders, other.Orders) && Same(Interactions, other.Interactions)
        && Same(Financials, other.Financials) && Same(ExpertScores, other.ExpertScores);

    private static bool Same<T>(Dictionary<string, T> a, Dictionary<string, T> b)
        where T : class =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));
}
