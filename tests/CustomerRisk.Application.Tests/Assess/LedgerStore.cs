using System.Runtime.CompilerServices;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Tests.Assess;

/// <summary>A store that serves given ledgers, previous grades and expert scores, and keeps what is saved: enough to
/// test the assessment use case by hand; the real stores' reading is tested in CustomerRisk.Storage.Tests.</summary>
internal sealed class LedgerStore : IRiskStore
{
    public List<CustomerLedger> Ledgers { get; } = [];

    public Dictionary<string, Grade> PreviousGrades { get; } = new(StringComparer.Ordinal);

    public List<ExpertScore> ExpertScores { get; } = [];

    public List<(AssessmentRun Run, AssessmentRecord[] Records)> Saved { get; } = [];

    public string Provider => "memory";

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async IAsyncEnumerable<CustomerLedger> ReadLedgersAsync(DateOnly asOf, string? customerId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var ledger in Ledgers.OrderBy(l => l.Customer.CustomerId, StringComparer.Ordinal))
        {
            if (customerId is null || ledger.Customer.CustomerId == customerId)
            {
                await Task.Yield();
                yield return ledger;
            }
        }
    }

    public Task SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records,
        CancellationToken cancellationToken = default)
    {
        Saved.Add((run, records.ToArray()));
        return Task.CompletedTask;
    }

    // No alert register here: the run is kept and the plan made against no active alerts, nothing saved.
    public Task<SyncAlertsResult> SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync alerts,
        CancellationToken cancellationToken = default)
    {
        Saved.Add((run, records.ToArray()));
        var plan = alerts.Plan([]);
        return Task.FromResult(plan.Result(plan.Changes.Select(c => c.Alert).ToArray(), 0));
    }

    public Task<IReadOnlyDictionary<string, AssessmentRecord>> ReadLatestAssessmentsAsync(DateOnly asOf,
        CancellationToken cancellationToken = default) => throw new NotSupportedException("assess reads grades only");

    public Task<IReadOnlyDictionary<string, Grade>> ReadLatestGradesAsync(DateOnly asOf,
        CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyDictionary<string, Grade>>(PreviousGrades);

    public Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ExpertScore>>(ExpertScores
            .Where(s => s.Date <= asOf && (customerId is null || s.CustomerId == customerId))
            .OrderBy(s => s.CustomerId, StringComparer.Ordinal)
            .ToArray());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
