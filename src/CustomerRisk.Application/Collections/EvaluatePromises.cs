using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Collections;

/// <summary>What the evaluation settled.</summary>
/// <param name="Kept">Promises found kept.</param>
/// <param name="Broken">Promises found broken (each written as a <c>broken_promise</c> behaviour record).</param>
/// <param name="StillOpen">Promises not yet due and not yet paid.</param>
/// <param name="Settled">The promises settled by this evaluation.</param>
public sealed record EvaluatePromisesResult(int Kept, int Broken, int StillOpen, IReadOnlyList<PaymentPromise> Settled);

/// <summary>Evaluates every open promise as of a date from the payments (<see cref="PromiseEvaluator"/>). A broken
/// promise is written to the interactions table as <c>broken_promise</c> (event_id <c>crisk-promise-ID-broken</c>,
/// dated the day after the promised date, the first day it stood broken, with the unpaid amount), in the same
/// transaction as its status: the behaviour indicator broken_promises_180d counts it at the next assessment exactly as
/// it counts an imported one, and the rule <c>broken_promises</c> fires on it. Each settled promise appends a
/// <c>promise.kept</c> or <c>promise.broken</c> audit record (the promise before and after) in the same transaction.
/// Running it again settles nothing twice.</summary>
public static class EvaluatePromises
{
    /// <summary>Who the audit trail names when nobody is given: the evaluation is a rule, not a person's call.</summary>
    public const string Evaluator = "crisk collections evaluate";

    public static async Task<EvaluatePromisesResult> HandleAsync(DateOnly asOf, IOperationsStore store, TimeProvider clock,
        string? by = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var actor = string.IsNullOrWhiteSpace(by) ? Evaluator : by.Trim();
        var before = new Dictionary<long, PaymentPromise>();
        var open = await store.ReadPromisesAsync(null, PromiseStatus.Open, cancellationToken).ConfigureAwait(false);
        var changed = new List<PaymentPromise>();
        var behaviour = new List<Interaction>();
        var stillOpen = 0;
        foreach (var promise in open)
        {
            if (promise.PromisedOn > asOf)
            {
                stillOpen++;
                continue;
            }

            var paid = await store.SumPaymentsAsync(promise.CustomerId, promise.PromisedOn, PromiseEvaluator.WindowEnd(promise, asOf), cancellationToken).ConfigureAwait(false);
            var next = PromiseEvaluator.Evaluate(promise, paid, asOf);
            if (next.Status == PromiseStatus.Open)
            {
                stillOpen++;
                if (next.PaidAmount != promise.PaidAmount)
                {
                    changed.Add(next);
                }

                continue;
            }

            changed.Add(next);
            before[next.PromiseId] = promise;
            if (next.Status == PromiseStatus.Broken)
            {
                behaviour.Add(new Interaction
                {
                    EventId = $"crisk-promise-{next.PromiseId.ToString(CultureInfo.InvariantCulture)}-broken",
                    CustomerId = next.CustomerId,
                    Date = next.PayBy.AddDays(1),
                    Type = InteractionType.BrokenPromise,
                    Amount = next.Amount - next.PaidAmount,
                    Note = $"promised {next.Amount.ToString("0.##", CultureInfo.InvariantCulture)} by {next.PayBy:yyyy-MM-dd}, paid {next.PaidAmount.ToString("0.##", CultureInfo.InvariantCulture)}",
                });
            }
        }

        var settled = changed.Where(p => p.Status != PromiseStatus.Open).ToArray();
        if (changed.Count > 0)
        {
            var at = clock.GetUtcNow();
            var audit = settled.Select(p => new OperationDecision(p.Status == PromiseStatus.Kept ? "promise.kept" : "promise.broken", p.CustomerId,
                p.PromiseId.ToString(CultureInfo.InvariantCulture), actor, at, OperationsJson.Serialize(before[p.PromiseId]),
                OperationsJson.Serialize(p), $"evaluated as of {asOf:yyyy-MM-dd}").ToAuditEntry()).ToArray();
            await store.SavePromiseOutcomesAsync(changed, behaviour, audit, cancellationToken).ConfigureAwait(false);
        }

        return new EvaluatePromisesResult(settled.Count(p => p.Status == PromiseStatus.Kept), settled.Count(p => p.Status == PromiseStatus.Broken),
            stillOpen, settled);
    }
}
