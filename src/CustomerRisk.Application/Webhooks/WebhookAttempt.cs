namespace CustomerRisk.Application.Webhooks;

/// <summary>One HTTP attempt of a delivery.</summary>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The HTTP status the receiver answered, or null when none came (refused, timed out).</param>
/// <param name="Error">What went wrong, or null on success.</param>
/// <param name="DurationMs">How long the attempt took until the answer's headers came (or it failed), in whole
/// milliseconds; null for attempts recorded before durations were kept.</param>
public sealed record WebhookAttempt(long DeliveryId, int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int? DurationMs = null)
{
    /// <summary>True when the receiver answered 2xx.</summary>
    public bool Succeeded => Error is null;
}
