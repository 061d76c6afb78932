using System.Security.Claims;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using CustomerRisk.Storage.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>Webhook subscriptions to alert events and their deliveries, as `crisk webhooks add|list|remove|deliveries|retry`
/// (admin only: a subscription
/// sends the alerts of every customer to another system, like an API token lets one in). The signing secret is shown
/// once, in the answer that creates the subscription, and never again: the list leaves it out.</summary>
public static class WebhooksApi
{
    /// <summary>The longest URL accepted, in characters.</summary>
    public const int MaxUrl = 2000;

    /// <summary>A subscription to add: the http or https URL, the events wanted (default all; <c>*</c> for all) and the
    /// signing secret (16–200 characters; default a random one).</summary>
    public sealed record NewWebhook(string? Url, IReadOnlyList<string>? Events, string? Secret);

    /// <summary>A subscription as listed, never its secret, with its deliveries pending (queued, not yet sent),
    /// delivered and failed (given up).</summary>
    public sealed record WebhookView(long SubscriptionId, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt,
        int Pending, int Delivered, int Failed);

    /// <summary>A new subscription and its signing secret, shown this once.</summary>
    public sealed record AddedWebhook(WebhookView Subscription, string Secret);

    public static void MapWebhooksApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        webhooks.MapGet("/", ListAsync).WithSummary("Every subscription (active and removed) with its outbox counts; never the secret.");
        webhooks.MapPost("/", AddAsync).WithSummary("Subscribe a URL to alert events; the answer is the only time the signing secret is shown.");
        webhooks.MapDelete("/{subscriptionId:long}", RemoveAsync)
            .WithSummary("Remove a subscription: nothing more is queued or sent to it (204; removing it again changes nothing).");
        webhooks.MapGet("/{subscriptionId:long}/deliveries", DeliveriesAsync)
            .WithSummary("A subscription's deliveries, newest first: status (pending, delivered, failed; default all), page, page_size; each with its attempts.");
        webhooks.MapGet("/deliveries/{deliveryId:long}", DeliveryAsync)
            .WithSummary("One delivery with its attempts and the JSON payload exactly as signed.");
        webhooks.MapPost("/deliveries/{deliveryId:long}/retry", RetryAsync)
            .WithSummary("Re-queue a failed delivery for the next delivery pass (audited as webhook.retry); 409 when it is pending or delivered or its subscription was removed.");
        webhooks.MapPost("/{subscriptionId:long}/deliveries/retry", RetryAllFailedAsync)
            .WithSummary("Re-queue every failed delivery of a subscription (audited as webhook.retry; none is not an error); 409 when the subscription was removed.");
    }

    private static async Task<Ok<WebhookView[]>> ListAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db);
        var subscriptions = await store.ReadSubscriptionsAsync(cancellationToken);
        var counts = (await store.CountDeliveriesAsync(cancellationToken)).ToDictionary(c => c.SubscriptionId);
        return TypedResults.Ok(subscriptions.Select(s => counts.TryGetValue(s.SubscriptionId, out var c)
            ? ViewOf(s, c.Pending, c.Delivered, c.Failed) : ViewOf(s, 0, 0, 0)).ToArray());
    }

    private static async Task<Results<Ok<ListPage<WebhookDeliveryDetail>>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(
        long subscriptionId, StoreLocation location, CancellationToken cancellationToken, string? status = null, int page = 1,
        [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = status is null or "all" ? null : status;
        if (wanted is not null && !ListWebhookDeliveries.Statuses.Contains(wanted))
        {
            errors["status"] = ["status is one of pending, delivered, failed, all."];
        }

        OperationsAccess.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var store = OperationsStoreFactory.Open(location.Db);
        try
        {
            var found = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(subscriptionId, wanted, page, pageSize), store, cancellationToken);
            return OperationsAccess.Json(new ListPage<WebhookDeliveryDetail>(found.Items, found.Total, page, pageSize));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static async Task<Results<Ok<WebhookDeliveryDetail>, ProblemHttpResult>> DeliveryAsync(long deliveryId, StoreLocation location,
        CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db);
        try
        {
            return OperationsAccess.Json(await ListWebhookDeliveries.OneAsync(deliveryId, store, cancellationToken));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static async Task<Results<Ok<RetryWebhookDeliveriesResult>, ProblemHttpResult>> RetryAsync(long deliveryId, ClaimsPrincipal user,
        StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            return OperationsAccess.Json(await RetryWebhookDeliveries.HandleAsync(
                new RetryWebhookDeliveryRequest(deliveryId, OperationsAccess.NameOf(user)), store, clock, cancellationToken));
        }
        catch (OperationRefusedException refusal)
        {
            // The user is always named, so a refusal that is not "no such delivery" is the delivery's state.
            return OperationsAccess.Refused(refusal, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<RetryWebhookDeliveriesResult>, ProblemHttpResult>> RetryAllFailedAsync(long subscriptionId,
        ClaimsPrincipal user, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            return OperationsAccess.Json(await RetryWebhookDeliveries.HandleAsync(
                new RetryFailedWebhookDeliveriesRequest(subscriptionId, OperationsAccess.NameOf(user)), store, clock, cancellationToken));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Created<AddedWebhook>, ValidationProblem, ProblemHttpResult>> AddAsync(NewWebhook? body, ClaimsPrincipal user,
        StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Url) || body.Url.Length > MaxUrl)
        {
            errors["url"] = [$"url is required: an absolute http or https URL of at most {MaxUrl} characters."];
        }

        if (body?.Events is { Count: > 20 } || body?.Events?.Any(e => e is null || e.Length > 100) == true)
        {
            errors["events"] = ["events is a list of at most 20 event names."];
        }

        if (body?.Secret is { } secret && (secret.Trim().Length < 16 || secret.Length > 200))
        {
            errors["secret"] = ["secret has 16–200 characters (leave it out for a random one)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            var added = await AddWebhook.HandleAsync(new AddWebhookRequest(body!.Url!, body.Events, body.Secret, OperationsAccess.NameOf(user)),
                store, clock, cancellationToken);
            return TypedResults.Created($"/api/webhooks/{added.SubscriptionId}", new AddedWebhook(ViewOf(added, 0, 0, 0), added.Secret));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(long subscriptionId, ClaimsPrincipal user, StoreLocation location,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        var removed = await RemoveWebhook.HandleAsync(new RemoveWebhookRequest(subscriptionId, OperationsAccess.NameOf(user)), store, clock,
            cancellationToken);
        return removed is null
            ? TypedResults.Problem(title: "No such webhook.", detail: $"There is no webhook subscription {subscriptionId}.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.NoContent();
    }

    private static WebhookView ViewOf(WebhookSubscription s, int pending, int delivered, int failed) =>
        new(s.SubscriptionId, s.Url, s.Events, s.Active, s.CreatedAt, pending, delivered, failed);
}
