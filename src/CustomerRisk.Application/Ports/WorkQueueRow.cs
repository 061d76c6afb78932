namespace CustomerRisk.Application.Ports;

/// <summary>One kept row of a work queue.</summary>
/// <param name="CustomerId">The customer (one row per customer, list and date).</param>
/// <param name="Flagged">The list's filter: the review is due (the review queue); always true on the worklist.</param>
/// <param name="RankKey">The row's place in the list: ordinal (byte) order of the keys is the list's order
/// (<see cref="WorkQueues.RankKey"/>).</param>
/// <param name="Amount">The row's amount summed into the head (the worklist's overdue receivables).</param>
/// <param name="Payload">The row as JSON.</param>
public sealed record WorkQueueRow(string CustomerId, bool Flagged, string RankKey, decimal Amount, string Payload);
