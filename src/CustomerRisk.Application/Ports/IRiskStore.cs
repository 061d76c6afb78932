using System.Runtime.CompilerServices;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>The store behind every use case: SQLite (embedded default) or PostgreSQL. Implemented in
/// CustomerRisk.Storage; one instance per command or request, not shared between threads.</summary>
public interface IRiskStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Provider { get; }

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts an import: one transaction that commits whole or not at all.</summary>
    Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams every customer's ledger (or the one customer named) in customer_id order. Records dated
    /// after <paramref name="asOf"/> may be included; the indicators ignore them.</summary>
    IAsyncEnumerable<CustomerLedger> ReadLedgersAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default);

    /// <summary>Streams the ledgers as <see cref="ReadLedgersAsync"/> does, in batches of up to
    /// <paramref name="batchSize"/> customers. A batch's ledgers are valid only until the next batch is asked for: the
    /// store may fill their lines' memory again with later customers' (so reading every ledger allocates the memory of
    /// a few batches, not of every line). Keep nothing of a ledger's lines past its batch.</summary>
    async IAsyncEnumerable<IReadOnlyList<CustomerLedger>> ReadLedgerBatchesAsync(DateOnly asOf, string? customerId, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var batch = new List<CustomerLedger>(batchSize);
        await foreach (var ledger in ReadLedgersAsync(asOf, customerId, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(ledger);
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<CustomerLedger>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Saves one assessment run and its per-customer results in one transaction.</summary>
    Task SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records,
        CancellationToken cancellationToken = default);

    /// <summary>Saves one assessment run and its per-customer results and, in the same transaction, brings the alert
    /// register in step with it (<see cref="RunAlertSync"/>): the active alerts are read inside the transaction, the
    /// changes written and their webhook deliveries queued, after every record was read from
    /// <paramref name="records"/>. A failure anywhere saves nothing.</summary>
    Task<SyncAlertsResult> SaveAssessmentsAsync(AssessmentRun run, IReadOnlyList<AssessmentRecord> records, RunAlertSync alerts,
        CancellationToken cancellationToken = default);

    /// <summary>The most recent saved assessment of each customer made as of a date on or before
    /// <paramref name="asOf"/> (used for "grade lowered since the last assessment" and trends).</summary>
    Task<IReadOnlyDictionary<string, AssessmentRecord>> ReadLatestAssessmentsAsync(DateOnly asOf,
        CancellationToken cancellationToken = default);

    /// <summary>The grade of each customer's most recent saved assessment made as of a date on or before
    /// <paramref name="asOf"/>: the assessment <see cref="ReadLatestAssessmentsAsync"/> picks, without reading its
    /// details (what `assess` needs for "grade lowered since the last assessment").</summary>
    Task<IReadOnlyDictionary<string, Grade>> ReadLatestGradesAsync(DateOnly asOf,
        CancellationToken cancellationToken = default);

    /// <summary>Every expert score (Delphi rounds) dated on or before <paramref name="asOf"/>, of every customer or of
    /// the one named, in customer_id order.</summary>
    Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(DateOnly asOf, string? customerId = null,
        CancellationToken cancellationToken = default);
}
