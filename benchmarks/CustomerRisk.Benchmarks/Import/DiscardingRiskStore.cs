using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Benchmarks.Import;

/// <summary>A store that counts the rows it is given and keeps none: the import's parse and validate cost alone.</summary>
internal sealed class DiscardingRiskStore(IReadOnlySet<string> customerIds) : IRiskStore
{
    public string Provider => "discard";

    public long RowsReceived { get; private set; }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IImportSession>(new Session(this, customerIds));

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

    private sealed class Session(DiscardingRiskStore store, IReadOnlySet<string> customerIds) : IImportSession
    {
        public Task<IReadOnlySet<string>> ReadCustomerIdsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(customerIds);

        public Task<UpsertCounts> UpsertCustomersAsync(IReadOnlyList<Customer> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertInvoicesAsync(IReadOnlyList<Invoice> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertPaymentsAsync(IReadOnlyList<Payment> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertClaimsAsync(IReadOnlyList<Claim> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertOrdersAsync(IReadOnlyList<SalesOrder> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertInteractionsAsync(IReadOnlyList<Interaction> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertFinancialsAsync(IReadOnlyList<FinancialStatement> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task<UpsertCounts> UpsertExpertScoresAsync(IReadOnlyList<ExpertScore> rows, CancellationToken cancellationToken = default) => Count(rows.Count);

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private Task<UpsertCounts> Count(int rows)
        {
            store.RowsReceived += rows;
            return Task.FromResult(new UpsertCounts(rows, 0, 0));
        }
    }
}
