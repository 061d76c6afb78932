using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Alerts;

/// <summary>A person takes note of an open alert.</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="By">Who (required).</param>
/// <param name="Note">What they will do, when said.</param>
public sealed record AcknowledgeAlertRequest(long AlertId, string By, string? Note = null);

/// <summary>The alert after a person's decision, and the decision for the audit trail.</summary>
public sealed record AlertDecisionResult(Alert Alert, OperationDecision Decision);

/// <summary>Acknowledge an alert: open → acknowledged, with who, when and a note. It stays acknowledged while its
/// condition fires and resolves itself when it clears. Acknowledging an alert that is not open is refused.</summary>
public static class AcknowledgeAlert
{
    public static async Task<AlertDecisionResult> HandleAsync(AcknowledgeAlertRequest request, IAlertStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = Operations.OperationLookups.Required(request.By, "Who acknowledges (--by)");
        var alert = await AlertLookup.ReadAsync(store, request.AlertId, cancellationToken).ConfigureAwait(false);
        if (alert.Status != AlertStatus.Open)
        {
            throw new OperationRefusedException(alert.Status == AlertStatus.Acknowledged
                ? $"Alert {alert.AlertId} was already acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:yyyy-MM-dd HH:mm}."
                : $"Alert {alert.AlertId} is resolved ({alert.Resolution}); only an open alert can be acknowledged.");
        }

        var at = clock.GetUtcNow();
        var next = alert with
        {
            Status = AlertStatus.Acknowledged,
            AcknowledgedBy = by,
            AcknowledgedAt = at,
            AcknowledgeNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        OperationDecision? decision = null;
        var saved = await store.DecideAlertAsync(new AlertChange(next, AlertEvents.Acknowledged), at, stored =>
        {
            decision = AlertLookup.Decision("alert.acknowledge", alert, stored, by, at, next.AcknowledgeNote);
            return decision.ToAuditEntry();
        }, cancellationToken).ConfigureAwait(false);
        return new AlertDecisionResult(saved, decision!);
    }
}
