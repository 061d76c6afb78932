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

    /// <summary>One page of the queue, filtered and paged by the store (the same order and rows as
    /// <see cref="HandleAsync"/> filtered and sliced, without reading every alert).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A page below 1 or a page size outside 1–500.</exception>
    public static Task<AlertPage> PageAsync(AlertQuery query, IAlertStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 500);
        return store.SearchAlertsAsync(query, cancellationToken);
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
