using System.Security.Claims;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Storage.Operations;

namespace CustomerRisk.Server.Apis;

/// <summary>The operations part of the customer 360: the customer's alerts (every role that sees the customer), reviews
/// (roles that read reviews) and collection actions and promises (roles that read collections), each as the command
/// line's JSON. A part the user's role may not read is null.</summary>
/// <param name="Alerts">Open and acknowledged alerts first (most severe first), then resolved ones, newest first; the
/// first 50.</param>
/// <param name="Reviews">Recorded reviews, newest first; the first 50 (null when the role may not read reviews).</param>
/// <param name="Collections">Actions (newest first, the first 50) and promises (by promised date); null when the role
/// may not read collections.</param>
public sealed record CustomerOperations(IReadOnlyList<Alert> Alerts, IReadOnlyList<CreditReview>? Reviews,
    CollectionsApi.CustomerCollections? Collections)
{
    /// <summary>Rows of each list shown with the 360; the list endpoints give them all.</summary>
    public const int MaxRows = 50;

    /// <summary>Reads the customer's operations records the user may see. The customer must be one they may see.</summary>
    public static async Task<CustomerOperations> ReadAsync(string customerId, ClaimsPrincipal user, string db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var store = OperationsStoreFactory.Open(db);
        var alerts = await ListAlerts.HandleAsync(new ListAlertsRequest(null, customerId), store, cancellationToken);
        var ordered = alerts.Where(a => a.IsActive)
            .Concat(alerts.Where(a => !a.IsActive).OrderByDescending(a => a.ResolvedAt).ThenByDescending(a => a.AlertId))
            .Take(MaxRows).ToArray();
        IReadOnlyList<CreditReview>? reviews = null;
        if (user.IsIn(OperationsAccess.ReviewReaders))
        {
            reviews = (await store.ReadReviewsAsync(customerId, cancellationToken)).Take(MaxRows).ToArray();
        }

        CollectionsApi.CustomerCollections? collections = null;
        if (user.IsIn(OperationsAccess.CollectionReaders))
        {
            var both = await CollectionsApi.ReadAsync(store, customerId, cancellationToken);
            collections = both with { Actions = both.Actions.Take(MaxRows).ToArray() };
        }

        return new CustomerOperations(ordered, reviews, collections);
    }
}
