using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;

namespace CustomerRisk.Cli.Operations;

/// <summary>`crisk collections`, `crisk collections action …`, `crisk collections promise …`, `crisk collections evaluate`.</summary>
internal static class CollectionsCommand
{
    public static Command Create(TimeProvider clock)
    {
        var asOf = OperationsCli.AsOf();
        var top = new Option<int>("--top") { Description = "Rows in the table (default 50).", DefaultValueFactory = _ => 50 };
        var policy = OperationsCli.Policy();
        var format = OperationsCli.Format();
        var command = new Command("collections", "The collection worklist: overdue customers by overdue_ar × PD × LGD, then oldest days past due.")
        {
            asOf, top, policy, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var date = OperationsCli.DateOf(parseResult, asOf, clock);
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var rows = await CollectionWorklist.HandleAsync(date, store, await OperationsCli.PolicyOfAsync(parseResult, policy, clock, cancellationToken), cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(rows);
                return ExitCodes.Done;
            }

            var table = OperationsCli.NewTable($"Collections as of {OperationsCli.D(date)}: {rows.Count} customers overdue, {OperationsCli.M(rows.Sum(r => r.OverdueAr))} overdue",
                "customer", "name", "overdue", "PD", "LGD", "loss on overdue", "oldest dpd", "dunning", "do", "last action", "promise");
            foreach (var r in rows.Take(Math.Max(0, parseResult.GetValue(top))))
            {
                OperationsCli.AddRow(table, r.CustomerId, r.Name, OperationsCli.M(r.OverdueAr), r.Pd.ToString("P1", CultureInfo.InvariantCulture),
                    r.Lgd.ToString("P1", CultureInfo.InvariantCulture), OperationsCli.M(Math.Round(r.LossOnOverdue, 2)),
                    r.OldestDaysPastDue.ToString(CultureInfo.InvariantCulture), r.DunningLevel, r.DunningAction,
                    r.LastAction is { } a ? $"{OperationCodes.ToCode(a.Kind)} {OperationsCli.D(a.ActionDate)}" : null,
                    r.OpenPromise is { } p ? $"{OperationsCli.M(p.Amount)} by {OperationsCli.D(p.PayBy)}" : null);
            }

            OperationsCli.WriteTable(table);
            return ExitCodes.Done;
        });
        command.Subcommands.Add(Action(clock));
        command.Subcommands.Add(Promise(clock));
        command.Subcommands.Add(Evaluate(clock));
        return command;
    }

    private static Command Action(TimeProvider clock)
    {
        var customer = OperationsCli.Required("--customer", "The customer.");
        var kind = OperationsCli.Required("--kind", "call, email, letter, visit or agency.");
        var by = OperationsCli.Required("--by", "Who acted.");
        var date = OperationsCli.Date("--date", "The day it was done (yyyy-MM-dd); default today.");
        var note = new Option<string?>("--note") { Description = "What was said or agreed." };
        var format = OperationsCli.Format();
        var command = new Command("action", "Record a collection action (a call or visit also counts as a behaviour record).")
        {
            customer, kind, by, date, note, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var day = OperationsCli.DateOf(parseResult, date, clock);
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest(parseResult.GetValue(customer)!,
                parseResult.GetValue(kind)!, day, parseResult.GetValue(by)!, parseResult.GetValue(note)), store, clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else
            {
                var a = result.Action;
                Console.WriteLine($"Action {a.ActionId}: {OperationCodes.ToCode(a.Kind)} with {a.CustomerId} on {OperationsCli.D(a.ActionDate)} by {a.By}.");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Promise(TimeProvider clock)
    {
        var customer = OperationsCli.Required("--customer", "The customer.");
        var amount = new Option<decimal>("--amount") { Description = "The amount promised.", Required = true };
        var payBy = OperationsCli.Required("--pay-by", "The promised date (yyyy-MM-dd).");
        var by = OperationsCli.Required("--by", "Who took the promise.");
        var date = OperationsCli.Date("--date", "The day the promise was made (yyyy-MM-dd); default today.");
        var note = new Option<string?>("--note") { Description = "Free text." };
        var format = OperationsCli.Format();
        var command = new Command("promise", "Record a promise to pay; 'collections evaluate' later finds it kept or broken.")
        {
            customer, amount, payBy, by, date, note, format,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var made = OperationsCli.DateOf(parseResult, date, clock);
            var due = GlobalOptions.ParseDate(parseResult.GetValue(payBy)!, "--pay-by");
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await RecordPromise.HandleAsync(new RecordPromiseRequest(parseResult.GetValue(customer)!, parseResult.GetValue(amount),
                due, made, parseResult.GetValue(by)!, parseResult.GetValue(note)), store, clock, cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else
            {
                var p = result.Promise;
                Console.WriteLine($"Promise {p.PromiseId}: {p.CustomerId} pays {OperationsCli.M(p.Amount)} by {OperationsCli.D(p.PayBy)} (taken by {p.RecordedBy} on {OperationsCli.D(p.PromisedOn)}).");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Evaluate(TimeProvider clock)
    {
        var asOf = OperationsCli.AsOf();
        var format = OperationsCli.Format();
        var by = new Option<string?>("--by") { Description = "Who runs the evaluation, for the audit trail (default: crisk collections evaluate)." };
        var command = new Command("evaluate", "Settle open promises from the payments: kept, or broken (written as a broken_promise behaviour record).")
        {
            asOf, format, by,
        };
        command.SetOperationAction(async (parseResult, cancellationToken) =>
        {
            var date = OperationsCli.DateOf(parseResult, asOf, clock);
            await using var store = await OperationsCli.OpenAsync(parseResult, clock, cancellationToken);
            var result = await EvaluatePromises.HandleAsync(date, store, clock, parseResult.GetValue(by), cancellationToken);
            if (OperationsCli.IsJson(parseResult, format))
            {
                await OperationsCli.WriteJsonAsync(result);
            }
            else
            {
                Console.WriteLine($"Promises as of {OperationsCli.D(date)}: {result.Kept} kept, {result.Broken} broken, {result.StillOpen} still open.");
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
