using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Alerts;

/// <summary>Reads an alert or refuses, and writes the decision record of a change to it.</summary>
internal static class AlertLookup
{
    public static async Task<Alert> ReadAsync(IAlertStore store, long alertId, CancellationToken cancellationToken) =>
        await store.ReadAlertAsync(alertId, cancellationToken).ConfigureAwait(false)
        ?? throw new OperationRefusedException($"There is no alert {alertId}.") { NotFound = true };

    public static OperationDecision Decision(string kind, Alert before, Alert after, string by, DateTimeOffset at, string? reason) =>
        new(kind, after.CustomerId, after.AlertId.ToString(CultureInfo.InvariantCulture), by, at,
            OperationsJson.Serialize(before), OperationsJson.Serialize(after), reason);
}
