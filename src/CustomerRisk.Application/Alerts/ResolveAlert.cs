using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Alerts;

/// <summary>A person resolves an alert.</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="By">Who (required).</param>
/// <param name="Note">Why it is resolved (required): the resolution reason.</param>
public sealed record ResolveAlertRequest(long AlertId, string By, string Note);

/// <summary>Resolve an open or acknowledged alert by hand, with who, when and why. Should its condition still fire at
/// the next assessment, a new alert opens: a person's resolution closes this episode, it does not silence the rule.</summary>
public static class ResolveAlert
{
    public static async Task<AlertDecisionResult> HandleAsync(ResolveAlertRequest request, IAlertStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = OperationLookups.Required(request.By, "Who resolves (--by)");
        var note = OperationLookups.Required(request.Note, "The reason (--note)");
        var alert = await AlertLookup.ReadAsync(store, request.AlertId, cancellationToken).ConfigureAwait(false);
        if (!alert.IsActive)
        {
            throw new OperationRefusedException($"Alert {alert.AlertId} is already resolved ({alert.Resolution}).");
        }

        var at = clock.GetUtcNow();
        var next = alert with
        {
            Status = AlertStatus.Resolved,
            ResolvedBy = by,
            ResolvedAt = at,
            ResolvedOn = DateOnly.FromDateTime(at.UtcDateTime),
            Resolution = note,
        };
        OperationDecision? decision = null;
        var saved = await store.DecideAlertAsync(new AlertChange(next, AlertEvents.Resolved), at, stored =>
        {
            decision = AlertLookup.Decision("alert.resolve", alert, stored, by, at, note);
            return decision.ToAuditEntry();
        }, cancellationToken).ConfigureAwait(false);
        return new AlertDecisionResult(saved, decision!);
    }
}
