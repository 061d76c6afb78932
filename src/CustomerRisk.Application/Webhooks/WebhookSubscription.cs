namespace CustomerRisk.Application.Webhooks;

/// <summary>A receiver of alert events: every event it names is POSTed to its URL as JSON, signed with its secret.</summary>
public sealed record WebhookSubscription
{
    /// <summary>The id given by the store; 0 before it is saved.</summary>
    public long SubscriptionId { get; init; }

    /// <summary>The absolute http or https URL the events are POSTed to.</summary>
    public required string Url { get; init; }

    /// <summary>The events it receives (<see cref="Alerts.AlertEvents"/>), or <c>*</c> for all.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The shared secret of the HMAC-SHA256 signature.</summary>
    public required string Secret { get; init; }

    /// <summary>Whether events are still queued for it.</summary>
    public bool Active { get; init; } = true;

    /// <summary>When it was added.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether it receives <paramref name="eventType"/>.</summary>
    public bool Wants(string eventType) => Active && (Events.Contains("*") || Events.Contains(eventType));
}
