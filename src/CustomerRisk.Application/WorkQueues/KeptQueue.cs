using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.WorkQueues;

/// <summary>A page of a kept list: its rows in the list's order, how many rows match the filter, and the sum of the
/// amounts of the whole list.</summary>
public sealed record KeptPage(IReadOnlyList<WorkQueueRow> Rows, int Total, decimal TotalAmount);

/// <summary>Keeps a list that is computed in full in C# (the review queue, the collection worklist) in the store, and
/// pages it there. The kept rows are right while the database is in the state they were computed from: the data's
/// version (imports and assessment runs) and the extreme alerts are read on every request and a change recomputes the
/// whole list; a person's decision (a review, a cover) is found in the audit trail after the kept list's newest one,
/// and only the customers decided on are computed again. Every key is read from the database, so any number of
/// server instances share the kept lists and a change through any of them shows on the next request.</summary>
public static class KeptQueue
{
    /// <summary>More customers decided on than this since the kept list recompute the whole list instead.</summary>
    public const int RefreshLimit = 500;

    /// <summary>One page of the list <paramref name="list"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="list">The list's key (kind and policy version).</param>
    /// <param name="asOf">T.</param>
    /// <param name="decisions">The audited actions that change one customer's row.</param>
    /// <param name="flaggedOnly">Only the flagged rows (the review queue's due ones).</param>
    /// <param name="offset">Rows skipped, from 0.</param>
    /// <param name="take">Rows on the page, 1 or more.</param>
    /// <param name="compute">Computes the rows of the given customers, or of every customer when null.</param>
    /// <param name="store">The kept lists.</param>
    /// <param name="clock">Stamps a list computed in full.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task<KeptPage> PageAsync(string list, DateOnly asOf, IReadOnlyList<string> decisions, bool flaggedOnly, long offset,
        int take, Func<IReadOnlyCollection<string>?, Task<IReadOnlyList<WorkQueueRow>>> compute, IWorkQueueStore store, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        // A refresh that another instance overtook is tried again on the head it left, so a decision committed before
        // this request is always in its answer.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // The state first, then the inputs: a change committed while the rows are computed moves the state past
            // the kept one, and the next request computes its customers again.
            var state = await store.ReadStateAsync(decisions, cancellationToken).ConfigureAwait(false);
            var head = await store.ReadHeadAsync(list, asOf, cancellationToken).ConfigureAwait(false);
            if (head is null || head.State.DataVersion != state.DataVersion || head.State.AlertsVersion != state.AlertsVersion
                || head.State.DecisionSeq > state.DecisionSeq)
            {
                return await RebuildAsync(list, asOf, state, flaggedOnly, offset, take, compute, store, clock, cancellationToken).ConfigureAwait(false);
            }

            if (head.State.DecisionSeq < state.DecisionSeq)
            {
                var decided = await store.ReadDecidedCustomersAsync(decisions, head.State.DecisionSeq, state.DecisionSeq, RefreshLimit,
                    cancellationToken).ConfigureAwait(false);
                if (decided.Count > RefreshLimit)
                {
                    return await RebuildAsync(list, asOf, state, flaggedOnly, offset, take, compute, store, clock, cancellationToken)
                        .ConfigureAwait(false);
                }

                var rows = decided.Count == 0 ? [] : await compute(decided).ConfigureAwait(false);
                var kept = decided.Count == 0 ? [] : await store.ReadRowsAsync(list, asOf, decided, cancellationToken).ConfigureAwait(false);
                var total = head.TotalAmount - kept.Sum(r => r.Amount) + rows.Sum(r => r.Amount);
                if (!await store.RefreshAsync(head, head with { State = state, TotalAmount = total }, decided, rows, cancellationToken)
                        .ConfigureAwait(false))
                {
                    continue;
                }

                head = head with { TotalAmount = total };
            }

            var (page, count) = await store.PageAsync(list, asOf, flaggedOnly, offset, take, cancellationToken).ConfigureAwait(false);
            return new KeptPage(page, count, head.TotalAmount);
        }

        var state2 = await store.ReadStateAsync(decisions, cancellationToken).ConfigureAwait(false);
        return await RebuildAsync(list, asOf, state2, flaggedOnly, offset, take, compute, store, clock, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<KeptPage> RebuildAsync(string list, DateOnly asOf, WorkQueueState state, bool flaggedOnly, long offset, int take,
        Func<IReadOnlyCollection<string>?, Task<IReadOnlyList<WorkQueueRow>>> compute, IWorkQueueStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var rows = (await compute(null).ConfigureAwait(false)).OrderBy(r => r.RankKey, StringComparer.Ordinal).ToArray();
        var head = new WorkQueueHead(list, asOf, state, rows.Sum(r => r.Amount), clock.GetUtcNow());
        await store.SaveAsync(head, rows, cancellationToken).ConfigureAwait(false);
        // This request is answered from the rows it computed, as the next ones are from the kept rows.
        var matching = flaggedOnly ? rows.Where(r => r.Flagged).ToArray() : rows;
        var page = matching.Skip((int)Math.Min(int.MaxValue, offset)).Take(take).ToArray();
        return new KeptPage(page, matching.Length, head.TotalAmount);
    }
}
