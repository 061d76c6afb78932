using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>`crisk audit verify` and `crisk audit list [--customer ID] [--kind K] [--user U] [--from D] [--to D] [--limit N] [--page P]`.</summary>
public static class AuditCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("audit", "The append-only audit trail: verify its hash chain, list records.");
        command.Subcommands.Add(Verify(clock));
        command.Subcommands.Add(List(clock));
        return command;
    }

    private static Command Verify(TimeProvider clock)
    {
        var command = new Command("verify", "Walk the hash chain; report the first broken record (exit code 1 when broken).");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var result = await VerifyAuditTrail.HandleAsync(credit, cancellationToken);
                if (result.Intact)
                {
                    Console.WriteLine($"Audit chain intact: {result.Records:N0} records.");
                    return ExitCodes.Done;
                }

                Console.WriteLine($"Audit chain BROKEN at record {result.BrokenAt}: {result.Problem}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var customer = new Option<string?>("--customer") { Description = "Only records of this customer." };
        var kind = new Option<string?>("--kind") { Description = "Only this action or family of actions (limit, limit.grant, order.check, …)." };
        var user = new Option<string?>("--user") { Description = "Only records made by this actor." };
        var from = new Option<string?>("--from") { Description = "Only records appended on or after this day (yyyy-MM-dd, UTC)." };
        var to = new Option<string?>("--to") { Description = "Only records appended on or before this day (yyyy-MM-dd, UTC)." };
        var limit = new Option<int>("--limit") { Description = "At most this many a page, newest first (default 50, at most 500).", DefaultValueFactory = _ => 50 };
        var page = new Option<int>("--page") { Description = "Which page (default 1).", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "The newest audit records, filtered.") { customer, kind, user, from, to, limit, page, format };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var query = new AuditQuery
            {
                CustomerId = parseResult.GetValue(customer),
                Kind = parseResult.GetValue(kind),
                Actor = parseResult.GetValue(user),
                From = parseResult.GetValue(from) is { } f ? GlobalOptions.ParseDate(f, "--from") : null,
                To = parseResult.GetValue(to) is { } t ? GlobalOptions.ParseDate(t, "--to") : null,
                PageSize = parseResult.GetValue(limit),
                Page = parseResult.GetValue(page),
            };
            if (ListAuditTrail.Problem(query) is { } problem)
            {
                throw new CliUsageException(problem);
            }

            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var result = await ListAuditTrail.HandleAsync(query, credit, cancellationToken);
                if (parseResult.GetValue(format) == "json")
                {
                    Console.WriteLine(CreditJson.Write(result.Items));
                    return ExitCodes.Done;
                }

                foreach (var r in result.Items)
                {
                    Console.WriteLine($"{r.Seq,6} {r.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {r.Actor,-16} {r.Action,-12} {r.Entity,-28} {r.CustomerId ?? "-",-10} {r.After ?? string.Empty}");
                }

                if (result.Total > result.Items.Count)
                {
                    Console.Error.WriteLine($"{result.Items.Count:N0} of {result.Total:N0} records (page {result.Page}).");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
