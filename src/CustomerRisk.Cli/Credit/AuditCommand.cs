using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>`crisk audit verify` and `crisk audit list [--customer ID] [--limit N]`.</summary>
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
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first (default 50).", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "The newest audit records.") { customer, limit, format };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(limit) < 1)
            {
                throw new CliUsageException("--limit must be 1 or more.");
            }

            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var records = await credit.ListAuditAsync(parseResult.GetValue(customer), parseResult.GetValue(limit), cancellationToken);
                if (parseResult.GetValue(format) == "json")
                {
                    Console.WriteLine(CreditJson.Write(records));
                    return ExitCodes.Done;
                }

                foreach (var r in records)
                {
                    Console.WriteLine($"{r.Seq,6} {r.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {r.Actor,-16} {r.Action,-12} {r.Entity,-28} {r.CustomerId ?? "-",-10} {r.After ?? string.Empty}");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
