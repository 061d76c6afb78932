using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Collections;

/// <summary>Record what a collector did.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">call, email, letter, visit or agency.</param>
/// <param name="ActionDate">The day it was done.</param>
/// <param name="By">Who (required).</param>
/// <param name="Note">What was said or agreed.</param>
public sealed record RecordCollectionActionRequest(string CustomerId, string Kind, DateOnly ActionDate, string By, string? Note = null);

/// <summary>The saved action and the decision for the audit trail.</summary>
public sealed record RecordCollectionActionResult(CollectionAction Action, OperationDecision Decision);

/// <summary>Records a collection action against a customer. A call or a visit is also written as a behaviour record
/// (<c>collection_call</c>, <c>visit</c>; event_id <c>crisk-action-ID</c>) so the behaviour indicators see it; an
/// e-mail, letter or agency hand-over has no interaction type in the import format and stays in the action log only.</summary>
public static class RecordCollectionAction
{
    public static async Task<RecordCollectionActionResult> HandleAsync(RecordCollectionActionRequest request, IOperationsStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var kind = OperationCodes.Parse<CollectionActionKind>(request.Kind, "Action (--kind)");
        var by = OperationLookups.Required(request.By, "Who acted (--by)");
        var customer = await OperationLookups.CustomerAsync(store, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var action = new CollectionAction
        {
            CustomerId = customer.CustomerId,
            ActionDate = request.ActionDate,
            Kind = kind,
            By = by,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            RecordedAt = clock.GetUtcNow(),
        };
        InteractionType? type = kind switch
        {
            CollectionActionKind.Call => InteractionType.CollectionCall,
            CollectionActionKind.Visit => InteractionType.Visit,
            _ => null,
        };
        var behaviour = type is { } t
            ? new Interaction { EventId = "crisk-action-{id}", CustomerId = customer.CustomerId, Date = action.ActionDate, Type = t, Note = action.Note }
            : null;
        OperationDecision? decision = null;
        var saved = await store.SaveActionAsync(action, behaviour, stored =>
        {
            decision = new OperationDecision("collection.action", stored.CustomerId, stored.ActionId.ToString(CultureInfo.InvariantCulture), by,
                stored.RecordedAt, null, OperationsJson.Serialize(stored), stored.Note);
            return decision.ToAuditEntry();
        }, cancellationToken).ConfigureAwait(false);
        return new RecordCollectionActionResult(saved, decision!);
    }
}
