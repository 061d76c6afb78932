using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Operations;

/// <summary>A credit decision taken by a person (acknowledging or resolving an alert, recording a review, a collection
/// action or a promise to pay, registering collateral, subscribing a webhook) or by the promise evaluation: who, when,
/// what, and the state before and after as JSON. The store appends it to the hash-chained audit trail
/// (<see cref="IAuditTrail"/>) in the same transaction as the change it describes (<see cref="ToAuditEntry"/>).</summary>
/// <param name="Kind">What was decided, e.g. <c>alert.acknowledge</c>, <c>review.record</c>, <c>promise.broken</c>.</param>
/// <param name="CustomerId">The customer concerned; null for a decision about no customer (a webhook subscription).</param>
/// <param name="SubjectId">The id of the record decided on (alert id, review id, …).</param>
/// <param name="By">Who decided.</param>
/// <param name="At">When, from the caller's clock.</param>
/// <param name="Before">The record before the decision as JSON, or null when it creates the record.</param>
/// <param name="After">The record after the decision as JSON.</param>
/// <param name="Reason">The reason or note given, when any (it is part of <paramref name="After"/> too).</param>
public sealed record OperationDecision(string Kind, string? CustomerId, string SubjectId, string By, DateTimeOffset At,
    string? Before, string After, string? Reason)
{
    /// <summary>The audit entity the decision is about: <c>alert:7</c>, <c>review:3</c>, <c>collection_action:5</c>,
    /// <c>payment_promise:4</c>, <c>collateral:2</c>, <c>webhook_subscription:1</c>.</summary>
    public string Entity => $"{EntityKind(Kind)}:{SubjectId}";

    /// <summary>The audit trail's record of this decision: actor = who, action = kind, before and after as JSON.</summary>
    public AuditEntry ToAuditEntry() => new()
    {
        Actor = By,
        Action = Kind,
        Entity = Entity,
        CustomerId = CustomerId,
        Before = Before,
        After = After,
    };

    private static string EntityKind(string kind) => kind switch
    {
        _ when kind.StartsWith("alert.", StringComparison.Ordinal) => "alert",
        _ when kind.StartsWith("review.", StringComparison.Ordinal) => "review",
        "collection.action" => "collection_action",
        "collection.promise" => "payment_promise",
        _ when kind.StartsWith("promise.", StringComparison.Ordinal) => "payment_promise",
        _ when kind.StartsWith("collateral.", StringComparison.Ordinal) => "collateral",
        _ when kind.StartsWith("webhook.", StringComparison.Ordinal) => "webhook_subscription",
        _ => kind.Split('.')[0],
    };
}
