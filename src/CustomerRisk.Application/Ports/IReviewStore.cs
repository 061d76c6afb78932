using CustomerRisk.Application.Reviews;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>Periodic reviews and what their schedule reads.</summary>
public interface IReviewStore
{
    /// <summary>Each customer's latest review date on or before <paramref name="asOf"/> (customers never reviewed are
    /// absent). The assessment's next_review reads it.</summary>
    Task<IReadOnlyDictionary<string, DateOnly>> ReadLastReviewDatesAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>Saves a review and gives it back with its id, in one transaction with its audit record and, when the
    /// review changes the limit, the limit grant it decides and that grant's audit record. On PostgreSQL the
    /// transaction holds the customer's credit-check lock, so the grant is serialised with order checks.</summary>
    /// <param name="review">The review; its id is ignored.</param>
    /// <param name="write">Given the stored review and the customer's earlier grants (oldest first), says what else
    /// to write.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    Task<CreditReview> SaveReviewAsync(CreditReview review, Func<CreditReview, IReadOnlyList<LimitGrant>, ReviewWrite> write,
        CancellationToken cancellationToken = default);

    /// <summary>One review, or null.</summary>
    Task<CreditReview?> ReadReviewAsync(long reviewId, CancellationToken cancellationToken = default);

    /// <summary>The reviews of a customer (or all), newest first.</summary>
    Task<IReadOnlyList<CreditReview>> ReadReviewsAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>The expert scores of a customer, every round.</summary>
    Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(string customerId, CancellationToken cancellationToken = default);
}
