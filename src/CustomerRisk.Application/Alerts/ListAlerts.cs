using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Alerts;

/// <summary>The alert work queue.</summary>
/// <param name="Status">Only alerts in this status; null for all.</param>
/// <param name="CustomerId">Only this customer's; null for all.</param>
public sealed record ListAlertsRequest(AlertStatus? Status = AlertStatus.Open, string? CustomerId = null);

/// <summary>Lists alerts, the most severe first, then the most recently seen.</summary>
public static class ListAlerts
{
    public static async Task<IReadOnlyList<Alert>> HandleAsync(ListAlertsRequest request, IAlertStore store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var alerts = await store.ReadAlertsAsync(request.Status, request.CustomerId, cancellationToken).ConfigureAwait(false);
        return alerts
            .OrderByDescending(a => SeverityRank(a.Severity))
            .ThenByDescending(a => a.LastSeen)
            .ThenBy(a => a.CustomerId, StringComparer.Ordinal)
            .ThenBy(a => a.AlertId)
            .ToArray();
    }

    /// <summary>extreme 3, high 2, medium 1, low 0, anything else −1.</summary>
    public static int SeverityRank(string severity) => severity switch
    {
        "extreme" => 3,
        "high" => 2,
        "medium" => 1,
        "low" => 0,
        _ => -1,
    };
}
