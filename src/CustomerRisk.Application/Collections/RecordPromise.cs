using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Collections;

/// <summary>Record a customer's promise to pay.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Amount">The amount promised, above 0.</param>
/// <param name="PayBy">The promised date, not before <paramref name="PromisedOn"/>.</param>
/// <param name="PromisedOn">The day the promise was made.</param>
/// <param name="By">Who took it (required).</param>
/// <param name="Note">Free text.</param>
public sealed record RecordPromiseRequest(string CustomerId, decimal Amount, DateOnly PayBy, DateOnly PromisedOn, string By, string? Note = null);

/// <summary>The saved promise and the decision for the audit trail.</summary>
public sealed record RecordPromiseResult(PaymentPromise Promise, OperationDecision Decision);

/// <summary>Records a promise to pay, open until <see cref="EvaluatePromises"/> finds it kept or broken. It is also
/// written as a <c>promise_to_pay</c> behaviour record (event_id <c>crisk-promise-ID</c>) with the amount.</summary>
public static class RecordPromise
{
    public static async Task<RecordPromiseResult> HandleAsync(RecordPromiseRequest request, IOperationsStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = OperationLookups.Required(request.By, "Who took the promise (--by)");
        if (request.Amount <= 0m)
        {
            throw new OperationRefusedException($"The amount promised must be above 0, not {request.Amount.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (request.PayBy < request.PromisedOn)
        {
            throw new OperationRefusedException($"The promised date {request.PayBy:yyyy-MM-dd} is before the day the promise was made ({request.PromisedOn:yyyy-MM-dd}).");
        }

        var customer = await OperationLookups.CustomerAsync(store, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var promise = new PaymentPromise
        {
            CustomerId = customer.CustomerId,
            PromisedOn = request.PromisedOn,
            Amount = request.Amount,
            PayBy = request.PayBy,
            RecordedBy = by,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            Status = PromiseStatus.Open,
            RecordedAt = clock.GetUtcNow(),
        };
        var behaviour = new Interaction
        {
            EventId = "crisk-promise-{id}",
            CustomerId = customer.CustomerId,
            Date = promise.PromisedOn,
            Type = InteractionType.PromiseToPay,
            Amount = promise.Amount,
            Note = $"pay by {promise.PayBy:yyyy-MM-dd}" + (promise.Note is null ? string.Empty : $"; {promise.Note}"),
        };
        OperationDecision? decision = null;
        var saved = await store.SavePromiseAsync(promise, behaviour, stored =>
        {
            decision = new OperationDecision("collection.promise", stored.CustomerId, stored.PromiseId.ToString(CultureInfo.InvariantCulture), by,
                stored.RecordedAt, null, OperationsJson.Serialize(stored), stored.Note);
            return decision.ToAuditEntry();
        }, cancellationToken).ConfigureAwait(false);
        return new RecordPromiseResult(saved, decision!);
    }
}
