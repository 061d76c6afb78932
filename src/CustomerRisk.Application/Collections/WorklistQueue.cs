using System.Text.Json;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.WorkQueues;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Collections;

/// <summary>A page of the collection worklist: the rows, how many rows the whole worklist holds, and the overdue
/// receivables of the whole worklist.</summary>
public sealed record WorklistPage(IReadOnlyList<WorklistRow> Items, int Total, decimal OverdueAr);

/// <summary>The collection worklist of <see cref="CollectionWorklist"/>, kept in the store and paged there
/// (<see cref="KeptQueue"/>): the same rows, order and totals. The kept part of a row (figures, LGD after cover,
/// dunning level, its place in the list) changes with the customer's assessments (an import or a run recomputes the
/// worklist) and covers (the customers given a cover since are computed again); the last action and the open promise
/// are read live for the customers of the page, so an action or a promise shows at once.</summary>
public static class WorklistQueue
{
    /// <summary>The audited decisions that change the kept part of one customer's row: a cover.</summary>
    /// <remarks>The store's partial index ix_audit_log_worklist lists the same codes in the same order.</remarks>
    public static IReadOnlyList<string> Decisions { get; } = ["collateral.add"];

    /// <summary>The kept list's key under a policy: LGD and the dunning levels are the policy's.</summary>
    public static string ListKey(CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return "collections|" + policy.Version;
    }

    public static async Task<WorklistPage> HandleAsync(DateOnly asOf, int page, int pageSize, IOperationsStore store, IWorkQueueStore kept,
        CreditPolicy policy, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var one = await KeptQueue.PageAsync(ListKey(policy), asOf, Decisions, flaggedOnly: false, (long)(page - 1) * pageSize, pageSize,
            async customers => ToKept(await CollectionWorklist.HandleAsync(asOf, store, policy, customers, cancellationToken).ConfigureAwait(false)),
            kept, clock, cancellationToken).ConfigureAwait(false);
        var rows = one.Rows.Select(FromKept).ToArray();
        if (rows.Length > 0)
        {
            var ids = rows.Select(r => r.CustomerId).ToArray();
            var (actions, open) = await kept.ReadCollectionsAsync(ids, cancellationToken).ConfigureAwait(false);
            var last = CollectionWorklist.LastActions(actions);
            var promises = CollectionWorklist.FirstOpenPromises(open);
            rows = rows.Select(r => r with { LastAction = last.GetValueOrDefault(r.CustomerId), OpenPromise = promises.GetValueOrDefault(r.CustomerId) })
                .ToArray();
        }

        return new WorklistPage(rows, one.Total, one.TotalAmount);
    }

    /// <summary>The kept form of the worklist's rows, without the last action and open promise (read live); the order
    /// of <see cref="CollectionWorklist"/> (loss on the overdue part, oldest days past due, both descending, then
    /// customer id) is the order of the rank keys.</summary>
    public static IReadOnlyList<WorkQueueRow> ToKept(IReadOnlyList<WorklistRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => new WorkQueueRow(r.CustomerId, true,
            RankKey.Descending(r.LossOnOverdue) + RankKey.Descending(r.OldestDaysPastDue) + r.CustomerId,
            r.OverdueAr, JsonSerializer.Serialize(r with { LastAction = null, OpenPromise = null }, OperationsJson.Options))).ToArray();
    }

    private static WorklistRow FromKept(WorkQueueRow row) => JsonSerializer.Deserialize<WorklistRow>(row.Payload, OperationsJson.Options)
        ?? throw new InvalidOperationException($"The kept worklist row of {row.CustomerId} is empty.");
}
