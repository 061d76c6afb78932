using CustomerRisk.Application.Alerts;

namespace CustomerRisk.Application.Ports;

/// <summary>The stored alerts and their lifecycle.</summary>
public interface IAlertStore
{
    /// <summary>Alerts by status and customer (either may be null for all), newest first by last_seen then id.</summary>
    Task<IReadOnlyList<Alert>> ReadAlertsAsync(AlertStatus? status, string? customerId, CancellationToken cancellationToken = default);

    /// <summary>One alert, or null when there is none with that id.</summary>
    Task<Alert?> ReadAlertAsync(long alertId, CancellationToken cancellationToken = default);

    /// <summary>One page of the alerts matching <paramref name="query"/>, in the queue's order (most severe first, then
    /// latest seen, then customer id in ordinal order, then id: <see cref="ListAlerts"/>), filtered, ordered and paged by
    /// the database, with the number of matching alerts.</summary>
    Task<AlertPage> SearchAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>The open and acknowledged alerts of one customer, or of all when <paramref name="customerId"/> is null.</summary>
    Task<IReadOnlyList<Alert>> ReadActiveAlertsAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>Saves alert changes (an alert with id 0 is inserted, any other updated by id) and, in the same
    /// transaction, queues a webhook delivery of each change's event to every active subscription that wants it.</summary>
    /// <returns>The saved alerts in the order given, with their ids, and the number of deliveries queued.</returns>
    Task<(IReadOnlyList<Alert> Saved, int DeliveriesQueued)> SaveAlertChangesAsync(IReadOnlyList<AlertChange> changes,
        DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Saves a person's decision on one alert (acknowledge, resolve) as <see cref="SaveAlertChangesAsync"/>
    /// does, and appends its audit record (built from the saved alert) in the same transaction.</summary>
    /// <returns>The saved alert.</returns>
    Task<Alert> DecideAlertAsync(AlertChange change, DateTimeOffset at, Func<Alert, AuditEntry> audit,
        CancellationToken cancellationToken = default);
}
