using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Operations;

namespace CustomerRisk.Cli.Operations;

/// <summary>`crisk collateral add …`, `crisk collateral list [--customer ID] [--as-of DATE]`.</summary>
internal static class CollateralCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("collateral", "The register of guarantees and collateral that lower a customer's LGD.");
        command.Subcommands.Add(Add(clock));
        command.Subcommands.Add(List(clock));
        return command;
    }

    private static Command Add(TimeProvider clock)
    {
        var customer = OperationsCli.Required("--customer", "The customer covered.");
        var kind = OperationsCli.Required("--kind", "guarantee, collateral, credit_insurance, deposit or letter_of_credit.");
        var value = new Option<decimal>("--value") { Description = "Its value in the portfolio currency.", Required = true };
        var haircut = new Option<decimal>("--haircut") { Description = "Share of the value not counted, 0–1 (default 0).", DefaultValueFactory = _ => 0m };
        var from = OperationsCli.Date("--from", "The first day it counts (yyyy-MM-dd); default today.");
        var expiry = OperationsCli.Date("--expiry", "The last day it counts (yyyy-MM-dd); default open-ended.");
        var description = new Option<string?>("--description") { Description = "What it is." };
        var by = OperationsCli.Required("--by", "Who registers it.");
        var format = OperationsCli.Format();
        var command = new Command("add", "Register a guarantee or collateral.") { customer, kind, value, haircut, from, expiry, description, by, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var validFrom = OperationsCli.DateOf(parseResult, from, clock);
            var lastDay = OperationsCli.OptionalDate(parseResult, expiry);
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await AddCollateral.HandleAsync(new AddCollateralRequest(parseResult.GetValue(customer)!, parseResult.GetValue(kind)!,
                parseResult.GetValue(value), parseResult.GetValue(haircut), validFrom, lastDay, parseResult.GetValue(description),
                parseResult.GetValue(by)!), store, clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else
            {
                var i = result.Item;
                Console.WriteLine($"Cover {i.CoverId}: {OperationCodes.ToCode(i.Kind)} of {i.CustomerId}, {OperationsCli.M(i.Value)} less {i.Haircut:P0} " +
                                  $"= {OperationsCli.M(i.ToCover().CountedValue)} counted from {OperationsCli.D(i.ValidFrom)} to {(i.Expiry is null ? "open-ended" : OperationsCli.D(i.Expiry))}.");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var customer = new Option<string?>("--customer") { Description = "Only this customer's items." };
        var asOf = OperationsCli.AsOf();
        var warn = new Option<int>("--warn-days") { Description = "Mark items expiring within this many days (default 30).", DefaultValueFactory = _ => 30 };
        var format = OperationsCli.Format();
        var command = new Command("list", "The register as of a date: active, expiring, expired or not yet valid.") { customer, asOf, warn, format };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var date = OperationsCli.DateOf(parseResult, asOf, clock);
            if (parseResult.GetValue(warn) < 0)
            {
                throw new CliUsageException("--warn-days cannot be negative.");
            }

            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var rows = await ListCollateral.HandleAsync(date, parseResult.GetValue(customer), parseResult.GetValue(warn), store, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(rows);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable($"Collateral and guarantees as of {OperationsCli.D(date)}",
                "id", "customer", "kind", "description", "value", "haircut", "counted", "from", "expiry", "days left", "status");
            foreach (var r in rows)
            {
                var i = r.Item;
                OperationsCli.AddRow(table, i.CoverId.ToString(CultureInfo.InvariantCulture), i.CustomerId, OperationCodes.ToCode(i.Kind), i.Description,
                    OperationsCli.M(i.Value), i.Haircut.ToString("P0", CultureInfo.InvariantCulture), OperationsCli.M(r.CountedValue),
                    OperationsCli.D(i.ValidFrom), OperationsCli.D(i.Expiry), r.DaysToExpiry?.ToString(CultureInfo.InvariantCulture), r.Status);
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        return command;
    }
}
