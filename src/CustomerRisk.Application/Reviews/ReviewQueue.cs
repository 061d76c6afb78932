using System.Text.Json;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.WorkQueues;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reviews;

/// <summary>One page of the review queue.</summary>
/// <param name="AsOf">T.</param>
/// <param name="DueOnly">Only the customers whose review is due on or before T.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page, 1 or more.</param>
public sealed record ReviewQueueRequest(DateOnly AsOf, bool DueOnly, int Page, int PageSize);

/// <summary>A page of the review queue and how many rows the whole queue (under the filter) holds.</summary>
public sealed record ReviewQueuePage(IReadOnlyList<ReviewDueRow> Items, int Total);

/// <summary>The review queue of <see cref="ReviewsDue"/>, kept in the store and paged there (<see cref="KeptQueue"/>):
/// the same rows, order, filter and total. A row changes with the customer's assessments (an import or a run
/// recomputes the queue), the extreme alerts (any change recomputes it), and the customer's reviews (the customers
/// reviewed since are computed again).</summary>
public static class ReviewQueue
{
    /// <summary>The audited decisions that change one customer's row: a recorded review (its date); an alert decision
    /// (a resolved extreme alert also changes the alert set, which recomputes the whole queue).</summary>
    /// <remarks>The store's partial index ix_audit_log_review_queue lists the same codes in the same order.</remarks>
    public static IReadOnlyList<string> Decisions { get; } = ["review.record", "alert.acknowledge", "alert.resolve"];

    /// <summary>The kept list's key under a policy: the interval and triggers are the policy's.</summary>
    public static string ListKey(CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return "reviews|" + policy.Version;
    }

    public static async Task<ReviewQueuePage> HandleAsync(ReviewQueueRequest request, IOperationsStore store, IWorkQueueStore kept,
        CreditPolicy policy, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1);
        var page = await KeptQueue.PageAsync(ListKey(policy), request.AsOf, Decisions, request.DueOnly, (long)(request.Page - 1) * request.PageSize,
            request.PageSize, async customers => ToKept(await ReviewsDue.HandleAsync(
                new ReviewsDueRequest(request.AsOf, DueOnly: false) { Customers = customers }, store, policy, cancellationToken).ConfigureAwait(false)),
            kept, clock, cancellationToken).ConfigureAwait(false);
        return new ReviewQueuePage(page.Rows.Select(FromKept).ToArray(), page.Total);
    }

    /// <summary>The kept form of the queue's rows; the order of <see cref="ReviewsDue"/> (due first, most days overdue,
    /// next review, customer id) is the order of the rank keys.</summary>
    public static IReadOnlyList<WorkQueueRow> ToKept(IReadOnlyList<ReviewDueRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => new WorkQueueRow(r.CustomerId, r.Due,
            RankKey.Descending(r.Due ? 1 : 0) + RankKey.Descending(r.DaysOverdue) + RankKey.Ascending(r.NextReview.DayNumber) + r.CustomerId,
            0m, JsonSerializer.Serialize(r, OperationsJson.Options))).ToArray();
    }

    private static ReviewDueRow FromKept(WorkQueueRow row) => JsonSerializer.Deserialize<ReviewDueRow>(row.Payload, OperationsJson.Options)
        ?? throw new InvalidOperationException($"The kept review row of {row.CustomerId} is empty.");
}
