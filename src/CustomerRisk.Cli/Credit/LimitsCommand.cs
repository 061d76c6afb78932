using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>`crisk limits grant …` and `crisk limits show --customer ID`.</summary>
public static class LimitsCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("limits", "Granted credit limits: grant one (standing or temporary), show a customer's.");
        command.Subcommands.Add(Grant(clock));
        command.Subcommands.Add(Show(clock));
        return command;
    }

    private static Command Grant(TimeProvider clock)
    {
        var customer = new Option<string>("--customer") { Description = "The customer.", Required = true };
        var amount = new Option<decimal>("--amount") { Description = "The limit (0 or more).", Required = true };
        var approver = new Option<string>("--approver") { Description = "Who approves it.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why.", Required = true };
        var from = new Option<string?>("--from") { Description = "First day it applies (yyyy-MM-dd); default today." };
        var until = new Option<string?>("--until") { Description = "Last day it applies (yyyy-MM-dd); required with --temporary." };
        var temporary = new Option<bool>("--temporary") { Description = "A temporary limit: replaces the standing one until --until, then expires by itself." };
        var command = new Command("grant", "Grant a customer a limit, with approver and reason; kept in the limit's history and the audit trail.")
        {
            customer, amount, approver, reason, from, until, temporary,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var validFrom = CreditCommands.DateOr(parseResult, from, clock);
            DateOnly? validTo = parseResult.GetValue(until) is { } text ? GlobalOptions.ParseDate(text, "--until") : null;
            var request = new GrantLimitRequest(parseResult.GetValue(customer)!, parseResult.GetValue(amount), parseResult.GetValue(approver)!,
                parseResult.GetValue(reason)!, validFrom, validTo, parseResult.GetValue(temporary));
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var result = await CreditCommands.RefusalsAsUsage(() => GrantLimit.HandleAsync(request, ledgers, credit, clock, cancellationToken));
                var g = result.Grant;
                Console.WriteLine($"Granted {(g.Kind == Application.Ports.LimitKind.Temporary ? "temporary " : string.Empty)}limit {M(g.Amount)} to {g.CustomerId} " +
                                  $"from {D(g.ValidFrom)}{(g.ValidTo is { } to ? $" until {D(to)}" : string.Empty)} (grant {g.Id}, approved by {g.Approver}).");
                Console.WriteLine($"Effective limit on {D(g.ValidFrom)}: {Limit(result.Before)} -> {Limit(result.After)}; recommended {M(result.Recommended.Limit)} (grade {result.Recommended.Grade}).");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Show(TimeProvider clock)
    {
        var customer = new Option<string>("--customer") { Description = "The customer.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "As of this date (yyyy-MM-dd); default today." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "json");
        var command = new Command("show", "A customer's effective limit, the recommendation with its calculation log, and every grant.")
        {
            customer, asOf, format,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var request = new ShowLimitsRequest(parseResult.GetValue(customer)!, CreditCommands.DateOr(parseResult, asOf, clock));
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var limits = await CreditCommands.RefusalsAsUsage(() => ShowLimits.HandleAsync(request, ledgers, credit, clock, cancellationToken));
                if (parseResult.GetValue(format) == "json")
                {
                    Console.WriteLine(CreditJson.Write(new
                    {
                        limits.CustomerId,
                        AsOf = D(limits.AsOf),
                        limits.Grade,
                        EffectiveLimit = limits.Effective.Amount,
                        Source = limits.Effective.SourceCode,
                        limits.ImportedCreditLimit,
                        RecommendedLimit = limits.Recommended.Limit,
                        CalculationLog = limits.Recommended.Log.Select(s => s.ToString()).Append($"policy {limits.Recommended.PolicyVersion}").ToArray(),
                        Grants = limits.Grants.Select(g => new
                        {
                            g.Id, g.Amount, Kind = g.Kind.ToString().ToLowerInvariant(), ValidFrom = D(g.ValidFrom),
                            ValidTo = g.ValidTo is { } to ? D(to) : null, g.Approver, g.Reason, g.GrantedAt,
                        }),
                    }));
                    return ExitCodes.Done;
                }

                Console.WriteLine($"{limits.CustomerId} as of {D(limits.AsOf)}: effective limit {Limit(limits.Effective)}; imported credit_limit " +
                                  $"{(limits.ImportedCreditLimit is { } i ? M(i) : "none")}; grade {limits.Grade}.");
                Console.WriteLine($"Recommended limit {M(limits.Recommended.Limit)}:");
                foreach (var line in limits.Recommended.LogText.Split('\n'))
                {
                    Console.WriteLine($"  {line}");
                }

                Console.WriteLine(limits.Grants.Count == 0 ? "No limit granted." : "Grants, oldest first:");
                foreach (var g in limits.Grants)
                {
                    var applies = g.IsValidOn(limits.AsOf) ? "*" : " ";
                    Console.WriteLine($" {applies} {g.Id,5} {g.Kind.ToString().ToLowerInvariant(),-9} {M(g.Amount),14} {D(g.ValidFrom)}..{(g.ValidTo is { } to ? D(to) : "          ")}  " +
                                      $"{g.Approver}: {g.Reason} ({g.GrantedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)})");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static string Limit(EffectiveLimit limit) => limit.Amount is { } a ? $"{M(a)} ({limit.SourceCode})" : "none";

    private static string M(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
