using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Webhooks;

/// <summary>Remove a webhook subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="By">Who removes it (required): the removal is audited as <c>webhook.remove</c>.</param>
public sealed record RemoveWebhookRequest(long SubscriptionId, string By);

/// <summary>Removes a subscription: no event is queued for it from then on, and the dispatcher sends none of its
/// queued deliveries (they stay in the outbox, pending, as the record of what was not sent). The row is kept, inactive,
/// because its deliveries and their attempts refer to it. The change and its <c>webhook.remove</c> audit record
/// (URL and events, never the secret) are written together; removing a removed subscription changes nothing and
/// appends nothing.</summary>
public static class RemoveWebhook
{
    /// <summary>The subscription as it now stands (inactive), or null when there is no such subscription.</summary>
    public static async Task<WebhookSubscription?> HandleAsync(RemoveWebhookRequest request, IWebhookStore store, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = OperationLookups.Required(request.By, "Who removes it (--by)");
        var at = clock.GetUtcNow();
        return await store.RemoveSubscriptionAsync(request.SubscriptionId, removed => new OperationDecision("webhook.remove", null,
            removed.SubscriptionId.ToString(CultureInfo.InvariantCulture), by, at,
            OperationsJson.Serialize(new { removed.SubscriptionId, removed.Url, removed.Events, Active = true }),
            OperationsJson.Serialize(new { removed.SubscriptionId, removed.Url, removed.Events, Active = false }), null).ToAuditEntry(),
            cancellationToken).ConfigureAwait(false);
    }
}
