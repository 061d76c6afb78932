namespace CustomerRisk.Application.Operations;

/// <summary>A credit decision taken by a person (acknowledging or resolving an alert, recording a review, a collection
/// action or a promise to pay, registering collateral): who, when, what, and the state before and after as JSON.
/// Each use case that takes a decision returns one, so the caller can write it to the hash-chained audit trail; this
/// part keeps no audit log of its own.</summary>
/// <param name="Kind">What was decided, e.g. <c>alert.acknowledge</c>, <c>review.record</c>.</param>
/// <param name="CustomerId">The customer concerned.</param>
/// <param name="SubjectId">The id of the record decided on (alert id, review id, …).</param>
/// <param name="By">Who decided.</param>
/// <param name="At">When, from the caller's clock.</param>
/// <param name="Before">The record before the decision as JSON, or null when it creates the record.</param>
/// <param name="After">The record after the decision as JSON.</param>
/// <param name="Reason">The reason or note given, when any.</param>
public sealed record OperationDecision(string Kind, string CustomerId, string SubjectId, string By, DateTimeOffset At,
    string? Before, string After, string? Reason);
