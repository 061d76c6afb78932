using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>`crisk check-order --customer ID --amount X [--order-id ID] [--as-of DATE] [--format table|json]`.</summary>
public static class CheckOrderCommand
{
    public static Command Create(TimeProvider clock)
    {
        var customer = new Option<string>("--customer") { Description = "The ordering customer.", Required = true };
        var amount = new Option<decimal>("--amount") { Description = "The order amount (> 0).", Required = true };
        var orderId = new Option<string?>("--order-id") { Description = "The order's id; checking the same id again replaces the earlier check." };
        var asOf = new Option<string?>("--as-of") { Description = "Check as of this date (yyyy-MM-dd); default today." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "json");
        var command = new Command("check-order", "The credit check of an order; records it, and an approved order counts as open exposure at once.")
        {
            customer, amount, orderId, asOf, format,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var request = new CheckOrderRequest(parseResult.GetValue(customer)!, parseResult.GetValue(amount),
                CreditCommands.DateOr(parseResult, asOf, clock), parseResult.GetValue(orderId), CreditCommands.CurrentUser);
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var record = await CreditCommands.RefusalsAsUsage(() => CheckOrder.HandleAsync(request, ledgers, credit, clock, cancellationToken));
                var answer = CheckOrderAnswer.Of(record);
                if (parseResult.GetValue(format) == "json")
                {
                    Console.WriteLine(CreditJson.Write(answer));
                }
                else
                {
                    Console.WriteLine($"{answer.Decision.ToUpperInvariant()}  order {record.OrderId} of {record.CustomerId}: {M(record.Amount)}");
                    Console.WriteLine($"  exposure {M(answer.Exposure)} = open AR {M(record.OpenAr)} + open orders {M(record.OpenOrders)} + this order {M(record.Amount)}");
                    Console.WriteLine($"  limit    {(answer.Limit is { } l ? M(l) : "none")} ({record.LimitSource}); grade {record.Grade}; oldest invoice {record.OldestDpd} days past due");
                    foreach (var reason in answer.Reasons)
                    {
                        Console.WriteLine($"  - {reason.Rule}: {reason.Detail}");
                    }

                    Console.WriteLine($"  check {record.CheckId}, policy {record.PolicyVersion}");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static string M(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
