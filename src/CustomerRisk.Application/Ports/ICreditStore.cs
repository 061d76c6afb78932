namespace CustomerRisk.Application.Ports;

/// <summary>The stored half of credit operations: policies as versioned data, granted limits with their history,
/// recorded order checks, and a per-customer cache of the ledger figures a check needs. Every change appends to the
/// audit trail in the same transaction. Implemented in CustomerRisk.Storage for SQLite and PostgreSQL; an instance
/// may be used from several threads (each call opens its own connection).</summary>
public interface ICreditStore : IAuditTrail, IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Provider { get; }

    /// <summary>The active policy, or null when none was ever loaded.</summary>
    /// <param name="withText">False leaves <see cref="StoredPolicy.Text"/> empty: a check that has the policy parsed
    /// already (by content hash) need not read its text again.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<StoredPolicy?> ReadActivePolicyAsync(bool withText = true, CancellationToken cancellationToken = default);

    /// <summary>The most recently loaded policy of this exact version (<c>2025.1+3fa2b9c01d2e</c>), or null.</summary>
    Task<StoredPolicy?> ReadPolicyAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>Every loaded policy, oldest first, without their text.</summary>
    Task<IReadOnlyList<StoredPolicy>> ListPoliciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a policy and makes it the active one, in one transaction with its audit record. When the same
    /// text (content hash) was loaded before, that row is made active again instead of storing a copy.</summary>
    /// <param name="policy">The policy to store; its <see cref="StoredPolicy.Id"/> and <see cref="StoredPolicy.Active"/>
    /// are ignored.</param>
    /// <param name="audit">Builds the audit entry from the policy active before (or null) and the stored one.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    Task<StoredPolicy> ActivatePolicyAsync(StoredPolicy policy, Func<StoredPolicy?, StoredPolicy, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>Every limit granted to the customer, oldest first (the history of its limit).</summary>
    Task<IReadOnlyList<LimitGrant>> ReadLimitGrantsAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Every limit granted to every customer (or to one, when <paramref name="customerId"/> is given), in
    /// customer_id order then oldest first: one read for a whole assessment run.</summary>
    Task<IReadOnlyList<LimitGrant>> ReadAllLimitGrantsAsync(string? customerId = null, CancellationToken cancellationToken = default);

    /// <summary>Records a granted limit, in one transaction with its audit record.</summary>
    /// <param name="grant">The grant; its <see cref="LimitGrant.Id"/> is ignored.</param>
    /// <param name="audit">Builds the audit entry from the customer's earlier grants and the stored one.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    Task<LimitGrant> GrantLimitAsync(LimitGrant grant, Func<IReadOnlyList<LimitGrant>, LimitGrant, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>The cached ledger figures of a customer as of a date, when they were computed from the ledger as it
    /// is now and under the same policy version (the grade depends on it); and the ledger generation to save fresh figures under.</summary>
    Task<CachedFigures> ReadFiguresAsync(string customerId, DateOnly asOf, string policyVersion,
        CancellationToken cancellationToken = default);

    /// <summary>Caches a customer's figures computed from the ledger of <paramref name="generation"/>.</summary>
    Task SaveFiguresAsync(CustomerCreditFigures figures, long generation, CancellationToken cancellationToken = default);

    /// <summary>Decides an order under the customer's lock: the store takes a lock that serialises every check of
    /// this customer (on SQLite the database write lock, on PostgreSQL a per-customer advisory lock), reads what
    /// earlier checks left open and the customer's granted limits, calls <paramref name="decide"/>, stores the check
    /// (an approved one counts as open exposure at once; an earlier check of the same order id stops counting) and
    /// appends its audit record, then commits. Checks that arrive together may share one transaction (group commit):
    /// they are decided one after another in it, each seeing the ones before, and the task ends only after the commit;
    /// a check that fails is answered with its own error and the others are decided again without it.</summary>
    Task<OrderCheckRecord> DecideOrderAsync(string customerId, string orderId, Func<CheckExposure, OrderCheckRecord> decide,
        Func<OrderCheckRecord, AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>The customer's recorded checks, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OrderCheckRecord>> ListOrderChecksAsync(string customerId, int limit,
        CancellationToken cancellationToken = default);
}
