using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>The store of the credit operations (alerts, webhooks, reviews, collections, collateral), with the reads of
/// the master data and saved assessments they need. Implemented in CustomerRisk.Storage over the same database as
/// <see cref="IRiskStore"/>, whose MigrateAsync creates its tables; one instance per command or request.</summary>
public interface IOperationsStore : IAlertStore, IWebhookStore, IReviewStore, ICollectionStore, ICollateralStore, IAsyncDisposable
{
    /// <summary>The master data of one customer (an empty list when unknown) or of all, in customer_id order.</summary>
    Task<IReadOnlyList<Customer>> ReadCustomersAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>Each customer's latest saved assessment made as of a date on or before <paramref name="asOf"/>, and
    /// the grade of the one before it (null when none).</summary>
    Task<IReadOnlyList<(AssessmentRecord Latest, Grade? PreviousGrade)>> ReadAssessmentHistoryAsync(DateOnly asOf,
        string? customerId, CancellationToken cancellationToken = default);
}
