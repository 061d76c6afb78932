using System.CommandLine;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;

namespace CustomerRisk.Cli.Operations;

/// <summary>`crisk alerts [--status …] [--customer ID]`, `crisk alerts ack ID --by NAME [--note …]`,
/// `crisk alerts resolve ID --by NAME --note …`.</summary>
internal static class AlertsCommand
{
    public static Command Create(TimeProvider clock)
    {
        var status = new Option<string>("--status")
        {
            Description = "open (default), acknowledged, resolved or all.",
            DefaultValueFactory = _ => "open",
        }.AcceptOnlyFromAmong("open", "acknowledged", "resolved", "all");
        var customer = new Option<string?>("--customer") { Description = "Only this customer's alerts." };
        var format = OperationsCli.Format();
        var command = new Command("alerts", "The alert queue: early-warning alerts with their status (open, acknowledged, resolved).")
        {
            status, customer, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var wanted = parseResult.GetValue(status) is "all" ? (AlertStatus?)null : OperationCodes.Parse<AlertStatus>(parseResult.GetValue(status), "--status");
            var alerts = await ListAlerts.HandleAsync(new ListAlertsRequest(wanted, parseResult.GetValue(customer)), store, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(alerts);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable($"Alerts ({parseResult.GetValue(status)}): {alerts.Count}",
                "id", "customer", "rule", "value", "threshold", "severity", "first seen", "last seen", "status", "by", "note");
            foreach (var a in alerts)
            {
                OperationsCli.AddRow(table, a.AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture), a.CustomerId, a.RuleId,
                    OperationsCli.N(a.Value), OperationsCli.N(a.Threshold), a.Severity, OperationsCli.D(a.FirstSeen), OperationsCli.D(a.LastSeen),
                    OperationCodes.ToCode(a.Status), a.ResolvedBy ?? a.AcknowledgedBy, a.Resolution ?? a.AcknowledgeNote);
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        command.Subcommands.Add(Acknowledge(clock));
        command.Subcommands.Add(Resolve(clock));
        command.Subcommands.Add(Sync(clock));
        return command;
    }

    private static Command Sync(TimeProvider clock)
    {
        var asOf = OperationsCli.AsOf();
        var warn = new Option<int>("--warn-days") { Description = "Raise cover_expiring for covers expiring within this many days (default 30).", DefaultValueFactory = _ => 30 };
        var policy = OperationsCli.Policy();
        var format = OperationsCli.Format();
        var command = new Command("sync", "Bring the alerts up to date with the saved assessments (open, update, resolve); never duplicates.")
        {
            asOf, warn, policy, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var date = OperationsCli.DateOf(parseResult, asOf, clock);
            if (parseResult.GetValue(warn) < 0)
            {
                throw new CliUsageException("--warn-days cannot be negative.");
            }

            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await SyncSavedAlerts.HandleAsync(date, store, await OperationsCli.PolicyOfAsync(parseResult, policy, clock, cancellationToken), clock,
                parseResult.GetValue(warn), cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(new { result.Opened, result.Updated, result.Resolved, result.Unchanged, result.DeliveriesQueued });
            }
            else
            {
                Console.WriteLine($"Alerts as of {OperationsCli.D(date)}: {result.Opened} opened, {result.Updated} updated, {result.Resolved} resolved, " +
                                  $"{result.Unchanged} unchanged; {result.DeliveriesQueued} webhook deliveries queued.");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Acknowledge(TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "The alert's id." };
        var by = OperationsCli.Required("--by", "Who acknowledges.");
        var note = new Option<string?>("--note") { Description = "What will be done." };
        var format = OperationsCli.Format();
        var command = new Command("ack", "Acknowledge an open alert: it stays acknowledged while it fires and resolves itself when it clears.")
        {
            id, by, note, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(parseResult.GetValue(id), parseResult.GetValue(by)!,
                parseResult.GetValue(note)), store, clock, cancellationToken);
            await WriteAsync(parseResult, format, result, "acknowledged");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Resolve(TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "The alert's id." };
        var by = OperationsCli.Required("--by", "Who resolves.");
        var note = OperationsCli.Required("--note", "Why it is resolved.");
        var format = OperationsCli.Format();
        var command = new Command("resolve", "Resolve an open or acknowledged alert by hand, with the reason.") { id, by, note, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await ResolveAlert.HandleAsync(new ResolveAlertRequest(parseResult.GetValue(id), parseResult.GetValue(by)!,
                parseResult.GetValue(note)!), store, clock, cancellationToken);
            await WriteAsync(parseResult, format, result, "resolved");
            return ExitCodes.Done;
        });
        return command;
    }

    private static async Task WriteAsync(ParseResult parseResult, Option<string> format, AlertDecisionResult result, string what)
    {
        if (OperationsCli.IsJson(parseResult, format))
        {
            await OperationsCli.WriteJsonAsync(result);
            return;
        }

        var a = result.Alert;
        Console.WriteLine($"Alert {a.AlertId} ({a.CustomerId}, {a.RuleId}) {what} by {result.Decision.By}.");
    }
}
