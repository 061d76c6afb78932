using System.Security.Claims;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using CustomerRisk.Storage.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>Webhook subscriptions to alert events, as `crisk webhooks add|list|remove` (admin only: a subscription
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
    }

    private static async Task<Ok<WebhookView[]>> ListAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db);
        var subscriptions = await store.ReadSubscriptionsAsync(cancellationToken);
        var deliveries = await store.ReadDeliveriesAsync(null, cancellationToken);
        var counts = deliveries.GroupBy(d => (d.SubscriptionId, d.Status)).ToDictionary(g => g.Key, g => g.Count());
        int Count(long id, string status) => counts.GetValueOrDefault((id, status));
        return TypedResults.Ok(subscriptions.Select(s => ViewOf(s, Count(s.SubscriptionId, WebhookDeliveryStatus.Pending),
            Count(s.SubscriptionId, WebhookDeliveryStatus.Delivered), Count(s.SubscriptionId, WebhookDeliveryStatus.Failed))).ToArray());
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
