namespace CustomerRisk.Application.Ports;

/// <summary>The append-only audit trail: a hash chain of every decision and change (limit grants, order decisions,
/// policy loads, imports). Appends from any number of processes are serialised by the store, so the chain stays
/// linear. Any feature may append through this port.</summary>
public interface IAuditTrail
{
    /// <summary>Appends one record: the store stamps it with the next sequence number and its clock's time, links it
    /// to the previous record's hash and computes its own (<see cref="Credit.AuditChain"/>), all under a lock.</summary>
    /// <returns>The record as stored.</returns>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The newest records first, at most <paramref name="limit"/>, optionally of one customer.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAuditAsync(string? customerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>One page of the records matching every filter of <paramref name="query"/>, newest first, and how many
    /// match in all (<see cref="Credit.ListAuditTrail"/> checks the query first).</summary>
    Task<Credit.AuditPage> SearchAuditAsync(Credit.AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every record in sequence order, for verification.</summary>
    IAsyncEnumerable<AuditRecord> ReadAuditAsync(CancellationToken cancellationToken = default);

    /// <summary>The last sequence number and hash the store recorded as the chain's head (kept beside the chain so
    /// that deleting the newest records shows); null when nothing was ever appended.</summary>
    Task<AuditHead?> ReadAuditHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the newest record whose action is one of <paramref name="actions"/>, 0 when there
    /// is none: a version of just those decisions (<see cref="Assess.AssessFromStore.DecisionActions"/>), which the
    /// order checks and sign-ins that move the chain's head do not change.</summary>
    /// <param name="actions">Action codes: lower-case letters, digits, '.' and '_' only.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<long> ReadNewestSeqAsync(IReadOnlyList<string> actions, CancellationToken cancellationToken = default);
}
