using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>The store of the credit operations (alerts, webhooks, reviews, collections, collateral), with the reads of
/// the master data and saved assessments they need. Implemented in CustomerRisk.Storage over the same database as
/// <see cref="IRiskStore"/>, whose MigrateAsync creates its tables; one instance per command or request.</summary>
public interface IOperationsStore : IAlertStore, IWebhookStore, IReviewStore, ICollectionStore, ICollateralStore, IAsyncDisposable
{
    /// <summary>The master data of one customer (an empty list when unknown) or of all, in customer_id order.</summary>
    Task<IReadOnlyList<Customer>> ReadCustomersAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>Each customer's (or one customer's) latest saved assessment made as of a date on or before
    /// <paramref name="asOf"/> (the later run on a tie), and the grade of the latest one made as of an earlier date
    /// (null when none), in customer_id order.</summary>
    /// <param name="asOf">T.</param>
    /// <param name="customerId">One customer, or null for all.</param>
    /// <param name="overdueOnly">Only customers whose latest assessment has overdue_ar &gt; 0.</param>
    /// <param name="includeDetails">Whether to read the details JSON (else <see cref="AssessmentRecord.Details"/> is
    /// empty), which is most of the bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<(AssessmentRecord Latest, Grade? PreviousGrade)>> ReadAssessmentHistoryAsync(DateOnly asOf,
        string? customerId, bool overdueOnly, bool includeDetails, CancellationToken cancellationToken = default);
}
