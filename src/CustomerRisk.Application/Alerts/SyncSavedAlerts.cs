using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Alerts;

/// <summary>Synchronises the alerts with the saved assessments instead of a run in memory: each customer's latest
/// saved assessment on or before T, taken date by date in ascending order. For a store assessed before the assessment
/// synchronised its alerts itself, or after a failed synchronisation; running it again changes nothing.</summary>
public static class SyncSavedAlerts
{
    public static async Task<SyncAlertsResult> HandleAsync(DateOnly asOf, IOperationsStore store, CreditPolicy policy, TimeProvider clock,
        int coverExpiryWarningDays = 30, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var history = await store.ReadAssessmentHistoryAsync(asOf, null, overdueOnly: false, includeDetails: true, cancellationToken).ConfigureAwait(false);
        var total = new SyncAlertsResult(0, 0, 0, 0, 0, []);
        foreach (var run in history.Select(h => OperationLookups.Details(h.Latest)).GroupBy(a => a.AsOf).OrderBy(g => g.Key))
        {
            var result = await SyncAlerts.HandleAsync(new SyncAlertsRequest(run.Key, run.ToArray(), coverExpiryWarningDays), store, policy, clock, cancellationToken)
                .ConfigureAwait(false);
            total = new SyncAlertsResult(total.Opened + result.Opened, total.Updated + result.Updated, total.Resolved + result.Resolved,
                total.Unchanged + result.Unchanged, total.DeliveriesQueued + result.DeliveriesQueued, [.. total.Changed, .. result.Changed]);
        }

        return total;
    }
}
