namespace CustomerRisk.Application.Ports;

/// <summary>The kept work queues (the review queue, the collection worklist): the rows computed in full for one list
/// and as-of date, stored with the state of the database they were computed from, so that a page is read in the
/// database instead of computing the whole portfolio on every request (<see cref="WorkQueues.KeptQueue"/>). Several
/// server instances share one store: everything that decides whether the kept rows are still right is read from the
/// database, never from one process's memory.</summary>
public interface IWorkQueueStore : IAsyncDisposable
{
    /// <summary>The state of the inputs the queues are computed from, read before they are computed: the data's version
    /// (committed imports and assessment runs), the version of the open or acknowledged extreme alerts, and the
    /// newest audit record of one of <paramref name="decisions"/>.</summary>
    /// <param name="decisions">Action codes (lower-case letters, digits, '.' and '_') of the person's decisions that
    /// change one customer's row.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<WorkQueueState> ReadStateAsync(IReadOnlyList<string> decisions, CancellationToken cancellationToken = default);

    /// <summary>The customers of the audit records after <paramref name="afterSeq"/> up to <paramref name="upToSeq"/>
    /// whose action is one of <paramref name="decisions"/>, each once; at most <paramref name="limit"/> + 1 of them
    /// (more than the limit tells the caller to compute the whole list again).</summary>
    Task<IReadOnlyList<string>> ReadDecidedCustomersAsync(IReadOnlyList<string> decisions, long afterSeq, long upToSeq, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>The head of a kept list, null when the list was never kept for that date.</summary>
    Task<WorkQueueHead?> ReadHeadAsync(string list, DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole kept list of <paramref name="head"/>'s list and date by <paramref name="rows"/>, and
    /// drops the oldest kept lists of the same kind beyond a few, in one transaction.</summary>
    Task SaveAsync(WorkQueueHead head, IReadOnlyList<WorkQueueRow> rows, CancellationToken cancellationToken = default);

    /// <summary>Replaces the rows of <paramref name="customers"/> (a customer without a row in <paramref name="rows"/>
    /// leaves the list) and moves the head to <paramref name="head"/>, in one transaction, only when the stored head
    /// is still <paramref name="expected"/> (another instance may have moved it meanwhile).</summary>
    /// <returns>Whether the rows were replaced.</returns>
    Task<bool> RefreshAsync(WorkQueueHead expected, WorkQueueHead head, IReadOnlyCollection<string> customers, IReadOnlyList<WorkQueueRow> rows,
        CancellationToken cancellationToken = default);

    /// <summary>The kept rows of <paramref name="customers"/> in a list.</summary>
    Task<IReadOnlyList<WorkQueueRow>> ReadRowsAsync(string list, DateOnly asOf, IReadOnlyCollection<string> customers,
        CancellationToken cancellationToken = default);

    /// <summary>One page of a kept list in rank order (only flagged rows when <paramref name="flaggedOnly"/>), and how
    /// many rows match in all.</summary>
    Task<(IReadOnlyList<WorkQueueRow> Rows, int Total)> PageAsync(string list, DateOnly asOf, bool flaggedOnly, long offset, int take,
        CancellationToken cancellationToken = default);

    /// <summary>The collection actions and the open promises to pay of <paramref name="customers"/>, read live for the
    /// customers of one page of the worklist.</summary>
    Task<(IReadOnlyList<Collections.CollectionAction> Actions, IReadOnlyList<Collections.PaymentPromise> OpenPromises)> ReadCollectionsAsync(
        IReadOnlyCollection<string> customers, CancellationToken cancellationToken = default);
}
