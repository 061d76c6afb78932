namespace CustomerRisk.Application.Ports;

/// <summary>The head of a kept list: which list, for which as-of date, computed from which state of the database.</summary>
/// <param name="List">The list's key: its kind and the policy version, e.g. "reviews|2026.1".</param>
/// <param name="AsOf">T.</param>
/// <param name="State">The state read before the rows were computed.</param>
/// <param name="TotalAmount">The sum of the rows' amounts (the worklist's overdue receivables; 0 for the review queue).</param>
/// <param name="BuiltAt">When the whole list was last computed (to drop the oldest kept lists).</param>
public sealed record WorkQueueHead(string List, DateOnly AsOf, WorkQueueState State, decimal TotalAmount, DateTimeOffset BuiltAt);
