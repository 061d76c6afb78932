using System.Security.Cryptography;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Webhooks;

/// <summary>Subscribe a URL to alert events.</summary>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Events">The events wanted (<see cref="AlertEvents.All"/>, or <c>*</c>); null or empty for all.</param>
/// <param name="Secret">The signing secret; null to generate one (32 random bytes, hex), shown once.</param>
public sealed record AddWebhookRequest(string Url, IReadOnlyList<string>? Events = null, string? Secret = null);

/// <summary>Adds a webhook subscription. From then on every alert change it wants is queued for it.</summary>
public static class AddWebhook
{
    public static async Task<WebhookSubscription> HandleAsync(AddWebhookRequest request, IWebhookStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
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
        return await store.AddSubscriptionAsync(subscription, cancellationToken).ConfigureAwait(false);
    }
}
