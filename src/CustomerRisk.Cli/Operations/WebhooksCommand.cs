using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Cli.Operations;

/// <summary>`crisk webhooks add URL [--events …] [--secret …]`, `crisk webhooks list`, `crisk webhooks remove ID`,
/// `crisk webhooks deliver`.</summary>
internal static class WebhooksCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("webhooks", "Webhook subscriptions to alert events, and their delivery.");
        command.Subcommands.Add(Add(clock));
        command.Subcommands.Add(List(clock));
        command.Subcommands.Add(Remove(clock));
        command.Subcommands.Add(Deliver(clock));
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
            var deliveries = await store.ReadDeliveriesAsync(null, cancellationToken);
            var rows = subscriptions.Select(s => new
            {
                s.SubscriptionId,
                s.Url,
                s.Events,
                s.Active,
                s.CreatedAt,
                Pending = deliveries.Count(d => d.SubscriptionId == s.SubscriptionId && d.Status == WebhookDeliveryStatus.Pending),
                Delivered = deliveries.Count(d => d.SubscriptionId == s.SubscriptionId && d.Status == WebhookDeliveryStatus.Delivered),
                Failed = deliveries.Count(d => d.SubscriptionId == s.SubscriptionId && d.Status == WebhookDeliveryStatus.Failed),
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
        var format = OperationsCli.Format();
        var command = new Command("deliver", "Run the dispatcher once: POST every due delivery, retrying with exponential backoff.") { attempts, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(attempts) < 1)
            {
                throw new CliUsageException("--attempts must be 1 or more.");
            }

            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var result = await DeliverWebhooks.HandleAsync(new WebhookDeliveryOptions { AttemptsPerRun = parseResult.GetValue(attempts) },
                store, http, clock, cancellationToken);
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
}
