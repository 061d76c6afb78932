using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Webhooks;

/// <summary>Which deliveries of a subscription to list: the status (null for all), the page (from 1) and its size (1–500).</summary>
public sealed record WebhookDeliveryQuery(long SubscriptionId, string? Status = null, int Page = 1, int PageSize = 50);

/// <summary>A page of deliveries, newest first, and how many match in all.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDetail> Items, int Total);

/// <summary>Lists a subscription's deliveries, newest first, filtered by status and paged by the database, each with its
/// attempts (<c>crisk webhooks deliveries</c>, <c>GET /api/webhooks/{id}/deliveries</c>).</summary>
public static class ListWebhookDeliveries
{
    /// <summary>The statuses a listing filters on.</summary>
    public static readonly IReadOnlyList<string> Statuses =
        [WebhookDeliveryStatus.Pending, WebhookDeliveryStatus.Delivered, WebhookDeliveryStatus.Failed];

    /// <summary>The page; refused (not found) when there is no such subscription, refused for a status not in
    /// <see cref="Statuses"/> or a page out of range.</summary>
    public static async Task<WebhookDeliveryPage> PageAsync(WebhookDeliveryQuery query, IWebhookStore store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(store);
        if (query.Status is not null && !Statuses.Contains(query.Status))
        {
            throw new OperationRefusedException($"Status '{query.Status}' is not one of {string.Join(", ", Statuses)}.");
        }

        if (query.Page < 1 || query.PageSize is < 1 or > 500)
        {
            throw new OperationRefusedException("The page is 1 or more and its size 1–500.");
        }

        _ = await store.ReadSubscriptionAsync(query.SubscriptionId, cancellationToken).ConfigureAwait(false)
            ?? throw NoSuchSubscription(query.SubscriptionId);
        return await store.SearchDeliveriesAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One delivery with its payload and attempts; refused (not found) when there is none.</summary>
    public static async Task<WebhookDeliveryDetail> OneAsync(long deliveryId, IWebhookStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.ReadDeliveryAsync(deliveryId, cancellationToken).ConfigureAwait(false)
            ?? throw new OperationRefusedException($"There is no webhook delivery {deliveryId}.") { NotFound = true };
    }

    internal static OperationRefusedException NoSuchSubscription(long subscriptionId) =>
        new($"There is no webhook subscription {subscriptionId}.") { NotFound = true };
}
