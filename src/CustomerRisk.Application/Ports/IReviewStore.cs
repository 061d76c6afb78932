using CustomerRisk.Application.Reviews;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>Periodic reviews and what their schedule reads.</summary>
public interface IReviewStore
{
    /// <summary>Each customer's latest review date on or before <paramref name="asOf"/> (customers never reviewed are
    /// absent). The assessment's next_review reads it.</summary>
    Task<IReadOnlyDictionary<string, DateOnly>> ReadLastReviewDatesAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>Saves a review and gives it back with its id.</summary>
    Task<CreditReview> SaveReviewAsync(CreditReview review, CancellationToken cancellationToken = default);

    /// <summary>One review, or null.</summary>
    Task<CreditReview?> ReadReviewAsync(long reviewId, CancellationToken cancellationToken = default);

    /// <summary>The reviews of a customer (or all), newest first.</summary>
    Task<IReadOnlyList<CreditReview>> ReadReviewsAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>The expert scores of a customer, every round.</summary>
    Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(string customerId, CancellationToken cancellationToken = default);
}
