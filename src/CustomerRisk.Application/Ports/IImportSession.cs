using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>One import transaction. Rows are upserted by their key (spec/data-formats.md); a changed row updates
/// the record and the old and new values are kept in the change history. Nothing is visible to others until
/// <see cref="CommitAsync"/>; disposing without committing rolls everything back.</summary>
public interface IImportSession : IAsyncDisposable
{
    /// <summary>The customer ids in the store, including those upserted in this session so far.</summary>
    Task<IReadOnlySet<string>> ReadCustomerIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Upserts customers by customer_id.</summary>
    Task<UpsertCounts> UpsertCustomersAsync(IReadOnlyList<Customer> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts invoices by invoice_id.</summary>
    Task<UpsertCounts> UpsertInvoicesAsync(IReadOnlyList<Invoice> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts payments by payment_id.</summary>
    Task<UpsertCounts> UpsertPaymentsAsync(IReadOnlyList<Payment> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts claims by claim_id.</summary>
    Task<UpsertCounts> UpsertClaimsAsync(IReadOnlyList<Claim> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts sales orders by order_id.</summary>
    Task<UpsertCounts> UpsertOrdersAsync(IReadOnlyList<SalesOrder> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts interactions by event_id.</summary>
    Task<UpsertCounts> UpsertInteractionsAsync(IReadOnlyList<Interaction> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts financial statements by (customer_id, period_end).</summary>
    Task<UpsertCounts> UpsertFinancialsAsync(IReadOnlyList<FinancialStatement> rows, CancellationToken cancellationToken = default);

    /// <summary>Upserts expert scores by (customer_id, round, expert_id, criterion).</summary>
    Task<UpsertCounts> UpsertExpertScoresAsync(IReadOnlyList<ExpertScore> rows, CancellationToken cancellationToken = default);

    /// <summary>Commits every upsert of the session at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
