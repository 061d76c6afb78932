using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Cli.Operations;

/// <summary>`crisk webhooks add URL [--events …] [--secret …]`, `crisk webhooks list`, `crisk webhooks remove ID`,
/// `crisk webhooks deliver`, `crisk webhooks deliveries SUBSCRIPTION [--status …]`,
/// `crisk webhooks retry DELIVERY|--all-failed SUBSCRIPTION`.</summary>
internal static class WebhooksCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("webhooks", "Webhook subscriptions to alert events, and their delivery.");
        command.Subcommands.Add(Add(clock));
        command.Subcommands.Add(List(clock));
        command.Subcommands.Add(Remove(clock));
        command.Subcommands.Add(Deliver(clock));
        command.Subcommands.Add(Deliveries(clock));
        command.Subcommands.Add(Retry(clock));
        return command;
    }

    private static Command Add(TimeProvider clock)
    {
        var url = new Argument<string>("URL") { Description = "The http or https URL events are POSTed to." };
        var events = new Option<string[]>("--events")
        {
            Description = "Events wanted: alert.opened, alert.severity_changed, alert.acknowledged, alert.resolved (comma-separated or repeated); default all.",
            AllowMultipleArgumentsPerToken = true,
        };
        var secret = new Option<string?>("--secret") { Description = "The signing secret (16 characters or more); default a random one, printed once." };
        var format = OperationsCli.Format();
        var by = new Option<string?>("--by") { Description = "Who subscribes, for the audit trail (default: the current user)." };
        var command = new Command("add", "Subscribe a URL to alert events (JSON POST with an X-CRisk-Signature: sha256=… header).")
        {
            url, events, secret, format, by,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var added = await AddWebhook.HandleAsync(new AddWebhookRequest(parseResult.GetValue(url)!, parseResult.GetValue(events),
                parseResult.GetValue(secret), parseResult.GetValue(by) ?? Credit.CreditCommands.CurrentUser), store, clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(added);
            }
            else
            {
                Console.WriteLine($"Webhook {added.SubscriptionId}: {added.Url} receives {string.Join(", ", added.Events)}.");
                Console.WriteLine($"Signing secret (keep it; it is not shown again): {added.Secret}");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var format = OperationsCli.Format();
        var command = new Command("list", "The subscriptions and their outbox counts.") { format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var subscriptions = await store.ReadSubscriptionsAsync(cancellationToken);
            // Counted by the database (GROUP BY), not by reading the outbox.
            var counts = (await store.CountDeliveriesAsync(cancellationToken)).ToDictionary(c => c.SubscriptionId);
            var rows = subscriptions.Select(s =>
            {
                var c = counts.GetValueOrDefault(s.SubscriptionId) ?? new WebhookDeliveryCounts(s.SubscriptionId, 0, 0, 0);
                return new { s.SubscriptionId, s.Url, s.Events, s.Active, s.CreatedAt, c.Pending, c.Delivered, c.Failed };
            }).ToArray();
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(rows);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable("Webhooks", "id", "url", "events", "active", "pending", "delivered", "failed");
            foreach (var r in rows)
            {
                OperationsCli.AddRow(table, r.SubscriptionId.ToString(CultureInfo.InvariantCulture), r.Url, string.Join(",", r.Events),
                    r.Active ? "yes" : "no", r.Pending.ToString(CultureInfo.InvariantCulture), r.Delivered.ToString(CultureInfo.InvariantCulture),
                    r.Failed.ToString(CultureInfo.InvariantCulture));
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Remove(TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "The subscription's id (crisk webhooks list)." };
        var by = new Option<string?>("--by") { Description = "Who removes it, for the audit trail (default: the current user)." };
        var command = new Command("remove", "Remove a subscription: nothing more is queued or sent to it (its row stays, inactive).") { id, by };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var removed = await RemoveWebhook.HandleAsync(new RemoveWebhookRequest(parseResult.GetValue(id),
                parseResult.GetValue(by) ?? Credit.CreditCommands.CurrentUser), store, clock, cancellationToken);
            if (removed is null)
            {
                throw new CliUsageException($"No webhook subscription {parseResult.GetValue(id)} (crisk webhooks list).");
            }

            Console.WriteLine($"Webhook {removed.SubscriptionId} ({removed.Url}) removed: nothing more is sent to it.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Deliver(TimeProvider clock)
    {
        var attempts = new Option<int>("--attempts") { Description = "Attempts per delivery in this run (default 3).", DefaultValueFactory = _ => 3 };
        var most = new Option<int>("--max-attempts")
        {
            Description = "Attempts in all (since its latest re-queue) after which a delivery is given up as failed (default 12).",
            DefaultValueFactory = _ => new WebhookDeliveryOptions().MaxAttempts,
        };
        var format = OperationsCli.Format();
        var command = new Command("deliver", "Run the dispatcher once: POST every due delivery, retrying with exponential backoff.") { attempts, most, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(attempts) < 1 || parseResult.GetValue(most) < 1)
            {
                throw new CliUsageException("--attempts and --max-attempts must be 1 or more.");
            }

            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var result = await DeliverWebhooks.HandleAsync(new WebhookDeliveryOptions
            {
                AttemptsPerRun = parseResult.GetValue(attempts), MaxAttempts = parseResult.GetValue(most),
            }, store, http, clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else
            {
                Console.WriteLine($"Delivered {result.Delivered}, retrying later {result.Retrying}, given up {result.Failed}; {result.Attempts} HTTP attempts.");
            }

            return result.Retrying + result.Failed > 0 ? ExitCodes.Failed : ExitCodes.Done;
        });
        return command;
    }

    private static Command Deliveries(TimeProvider clock)
    {
        var id = new Argument<long>("SUBSCRIPTION") { Description = "The subscription's id (crisk webhooks list)." };
        var status = new Option<string?>("--status") { Description = "Only deliveries at this status: pending, delivered or failed (default all)." };
        var page = new Option<int>("--page") { Description = "The page, from 1 (default 1).", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--page-size") { Description = "Deliveries per page, 1–500 (default 50).", DefaultValueFactory = _ => 50 };
        var format = OperationsCli.Format();
        var command = new Command("deliveries", "A subscription's deliveries, newest first: status, attempts, last error and next attempt.")
        {
            id, status, page, size, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var wanted = parseResult.GetValue(status) is { } given && given != "all" ? given : null;
            var found = await ListWebhookDeliveries.PageAsync(new WebhookDeliveryQuery(parseResult.GetValue(id), wanted,
                parseResult.GetValue(page), parseResult.GetValue(size)), store, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(found.Items);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable($"Deliveries of webhook {parseResult.GetValue(id)} ({found.Items.Count} of {found.Total})",
                "id", "event", "customer", "alert", "status", "attempts", "last attempt", "last error", "next attempt");
            foreach (var d in found.Items)
            {
                var last = d.Attempts.Count == 0 ? null : d.Attempts[^1];
                OperationsCli.AddRow(table, d.DeliveryId.ToString(CultureInfo.InvariantCulture), d.EventType, d.CustomerId,
                    d.AlertId?.ToString(CultureInfo.InvariantCulture) ?? "-", d.Status, d.AttemptCount.ToString(CultureInfo.InvariantCulture),
                    last is null ? "-" : $"{Instant(last.At)} {(last.StatusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "no answer")}"
                        + (last.DurationMs is { } ms ? $" {ms} ms" : string.Empty),
                    d.LastError ?? "-", d.NextAttemptAt is { } next ? Instant(next) : "-");
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Retry(TimeProvider clock)
    {
        var delivery = new Argument<long?>("DELIVERY") { Description = "The failed delivery to re-queue (crisk webhooks deliveries).", Arity = ArgumentArity.ZeroOrOne };
        var allFailed = new Option<long?>("--all-failed") { Description = "Re-queue every failed delivery of this subscription instead." };
        var by = new Option<string?>("--by") { Description = "Who re-queues, for the audit trail (default: the current user)." };
        var format = OperationsCli.Format();
        var command = new Command("retry", "Re-queue a failed (given-up) delivery, or all of a subscription's, for the next delivery pass.")
        {
            delivery, allFailed, by, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var one = parseResult.GetValue(delivery);
            var subscription = parseResult.GetValue(allFailed);
            if (one is null == subscription is null)
            {
                throw new CliUsageException("Give either a DELIVERY id or --all-failed SUBSCRIPTION.");
            }

            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var who = parseResult.GetValue(by) ?? Credit.CreditCommands.CurrentUser;
            var result = one is { } deliveryId
                ? await RetryWebhookDeliveries.HandleAsync(new RetryWebhookDeliveryRequest(deliveryId, who), store, clock, cancellationToken)
                : await RetryWebhookDeliveries.HandleAsync(new RetryFailedWebhookDeliveriesRequest(subscription!.Value, who), store, clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else if (result.Requeued.Count == 0)
            {
                Console.WriteLine($"Webhook {result.SubscriptionId} has no failed delivery: nothing re-queued.");
            }
            else
            {
                Console.WriteLine($"Re-queued {result.Requeued.Count} deliver{(result.Requeued.Count == 1 ? "y" : "ies")} of webhook "
                    + $"{result.SubscriptionId} ({string.Join(", ", result.Requeued.Select(i => i.ToString(CultureInfo.InvariantCulture)))}) for the next delivery pass.");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
