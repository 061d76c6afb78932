using System.Security.Cryptography;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Webhooks;

/// <summary>Subscribe a URL to alert events.</summary>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Events">The events wanted (<see cref="AlertEvents.All"/>, or <c>*</c>); null or empty for all.</param>
/// <param name="Secret">The signing secret; null to generate one (32 random bytes, hex), shown once.</param>
/// <param name="By">Who subscribes (required): the subscription is audited as <c>webhook.add</c>.</param>
public sealed record AddWebhookRequest(string Url, IReadOnlyList<string>? Events = null, string? Secret = null, string? By = null);

/// <summary>Adds a webhook subscription. From then on every alert change it wants is queued for it. The subscription
/// appends a <c>webhook.add</c> audit record (URL, events, who; never the secret) in the same transaction.</summary>
public static class AddWebhook
{
    public static async Task<WebhookSubscription> HandleAsync(AddWebhookRequest request, IWebhookStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var by = OperationLookups.Required(request.By, "Who subscribes (--by)");
        if (!Uri.TryCreate(request.Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new OperationRefusedException($"Webhook URL '{request.Url}' is not an absolute http or https URL.");
        }

        var events = (request.Events ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToArray();
        foreach (var name in events)
        {
            if (name != "*" && !AlertEvents.All.Contains(name))
            {
                throw new OperationRefusedException($"Event '{name}' is not one of {string.Join(", ", AlertEvents.All)} or *.");
            }
        }

        if (request.Secret is { } given && given.Trim().Length < 16)
        {
            throw new OperationRefusedException("A webhook secret has at least 16 characters.");
        }

        var subscription = new WebhookSubscription
        {
            Url = uri.ToString(),
            Events = events.Length == 0 || events.Contains("*") ? ["*"] : events,
            Secret = request.Secret?.Trim() ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = clock.GetUtcNow(),
        };
        return await store.AddSubscriptionAsync(subscription, stored => new OperationDecision("webhook.add", null,
            stored.SubscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture), by, stored.CreatedAt, null,
            OperationsJson.Serialize(new { stored.SubscriptionId, stored.Url, stored.Events, stored.Active, stored.CreatedAt }), null).ToAuditEntry(),
            cancellationToken).ConfigureAwait(false);
    }
}
