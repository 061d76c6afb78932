using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CustomerRisk.Application.Ports;
using Polly;
using Polly.Retry;

namespace CustomerRisk.Application.Webhooks;

/// <summary>How the dispatcher retries.</summary>
public sealed record WebhookDeliveryOptions
{
    /// <summary>Attempts of one delivery within one run of the dispatcher, 1 or more (default 3).</summary>
    public int AttemptsPerRun { get; init; } = 3;

    /// <summary>The wait before the first retry within a run; doubled before each next (default 1 s: 1 s, 2 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When a run's attempts all fail, the next run tries again after this, doubled for every earlier
    /// failed run (default 1 min), at most <see cref="MaxRescheduleDelay"/>.</summary>
    public TimeSpan RescheduleDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between runs' attempts (default 6 h).</summary>
    public TimeSpan MaxRescheduleDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Attempts in all after which a delivery is given up as failed (default 12).</summary>
    public int MaxAttempts { get; init; } = 12;

    /// <summary>How long one attempt waits for the receiver (default 10 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries taken in one run, oldest first (default 500).</summary>
    public int MaxDeliveries { get; init; } = 500;
}

/// <summary>What one run of the dispatcher did.</summary>
/// <param name="Delivered">Deliveries the receivers accepted.</param>
/// <param name="Retrying">Deliveries that failed this run and wait for a later one.</param>
/// <param name="Failed">Deliveries given up after the most attempts.</param>
/// <param name="Attempts">HTTP attempts made.</param>
public sealed record DeliverWebhooksResult(int Delivered, int Retrying, int Failed, int Attempts);

/// <summary>The webhook dispatcher: POSTs the outbox's due deliveries as JSON with an HMAC-SHA256 signature header,
/// retrying each with exponential backoff (Polly) and recording every attempt. A 2xx answer delivers; anything else
/// (another status, a refused connection, a timeout) is a failed attempt. One delivery at a time, in queue order, so
/// a receiver sees a customer's events in the order they happened unless one is given up.</summary>
/// <remarks>Delivery is at least once: a receiver that accepted a POST but whose answer was lost gets it again, with
/// the same <c>X-CRisk-Delivery</c> id.</remarks>
public static class DeliverWebhooks
{
    public static async Task<DeliverWebhooksResult> HandleAsync(WebhookDeliveryOptions options, IWebhookStore store,
        HttpClient http, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AttemptsPerRun, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        var due = await store.ReadDueDeliveriesAsync(clock.GetUtcNow(), options.MaxDeliveries, cancellationToken).ConfigureAwait(false);
        int delivered = 0, retrying = 0, failed = 0, attempts = 0;
        foreach (var delivery in due)
        {
            // A re-queued delivery counts its attempts afresh from the re-queue (RetryWebhookDeliveries).
            var since = delivery.AttemptsBeforeRetry;
            var allowed = Math.Min(options.AttemptsPerRun, options.MaxAttempts - (delivery.Attempts - since));
            if (allowed < 1)
            {
                continue;
            }

            var pipeline = Pipeline(options, allowed, clock);
            var made = 0;
            var status = WebhookDeliveryStatus.Pending;
            await pipeline.ExecuteAsync(async token =>
            {
                made++;
                var number = delivery.Attempts + made;
                var attempt = await PostAsync(http, delivery, number, options.Timeout, clock, token).ConfigureAwait(false);
                var now = clock.GetUtcNow();
                (status, var next) = attempt.Succeeded ? (WebhookDeliveryStatus.Delivered, now)
                    : number - since >= options.MaxAttempts ? (WebhookDeliveryStatus.Failed, now)
                    : made >= allowed ? (WebhookDeliveryStatus.Pending, now + Reschedule(options, number - since))
                    : (WebhookDeliveryStatus.Pending, now);
                await store.RecordAttemptAsync(attempt, status, next, token).ConfigureAwait(false);
                return attempt.Succeeded;
            }, cancellationToken).ConfigureAwait(false);
            attempts += made;
            switch (status)
            {
                case WebhookDeliveryStatus.Delivered: delivered++; break;
                case WebhookDeliveryStatus.Failed: failed++; break;
                default: retrying++; break;
            }
        }

        return new DeliverWebhooksResult(delivered, retrying, failed, attempts);
    }

    /// <summary>The wait after the run whose last attempt was number <paramref name="attempts"/>:
    /// RescheduleDelay × 2^(runs so far − 1), at most MaxRescheduleDelay.</summary>
    public static TimeSpan Reschedule(WebhookDeliveryOptions options, int attempts)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runs = Math.Max(1, (attempts + options.AttemptsPerRun - 1) / options.AttemptsPerRun);
        var factor = Math.Pow(2, Math.Min(runs - 1, 30));
        var ticks = Math.Min(options.RescheduleDelay.Ticks * factor, options.MaxRescheduleDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static ResiliencePipeline<bool> Pipeline(WebhookDeliveryOptions options, int attempts, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<bool> { TimeProvider = clock };
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<bool>
            {
                MaxRetryAttempts = attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is null && !args.Outcome.Result),
            });
        }

        return builder.Build();
    }

    private static async Task<WebhookAttempt> PostAsync(HttpClient http, WebhookDelivery delivery, int number,
        TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookPayload.SignatureHeader, WebhookPayload.Sign(delivery.Secret, delivery.Payload));
        request.Headers.Add(WebhookPayload.EventHeader, delivery.EventType);
        request.Headers.Add(WebhookPayload.DeliveryHeader, delivery.DeliveryId.ToString(CultureInfo.InvariantCulture));
        using var deadline = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return new WebhookAttempt(delivery.DeliveryId, number, at, code,
                response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}".TrimEnd(), Milliseconds(clock, started));
        }
        catch (HttpRequestException exception)
        {
            return new WebhookAttempt(delivery.DeliveryId, number, at, null, exception.Message, Milliseconds(clock, started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(delivery.DeliveryId, number, at, null, $"no answer within {timeout.TotalSeconds:0.#} s",
                Milliseconds(clock, started));
        }
    }

    private static int Milliseconds(TimeProvider clock, long started)
    {
        var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
        return (int)Math.Clamp(Math.Round(elapsed), 0, int.MaxValue);
    }
}
