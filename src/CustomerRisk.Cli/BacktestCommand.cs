using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Backtest;
using CustomerRisk.Application.Reports;
using CustomerRisk.Policy;
using Spectre.Console;

namespace CustomerRisk.Cli;

/// <summary>`crisk backtest --policy FILE [--against FILE] [--from DATE] [--to DATE] [--step MONTHS]
/// [--outcomes-through DATE] [--format table|json|md] [--out FILE]`: replays a policy against a baseline over past
/// as-of dates and judges both by what happened (docs/backtest.md). Nothing is saved.</summary>
public static class BacktestCommand
{
    public static Command Create(TimeProvider clock)
    {
        var policyFile = new Option<string>("--policy") { Description = "The policy file (YAML) to test.", Required = true };
        var against = new Option<string?>("--against") { Description = "The policy file to compare with; default the built-in policy." };
        var from = new Option<string?>("--from") { Description = "First as-of date (yyyy-MM-dd); default 12 months before --to." };
        var to = new Option<string?>("--to") { Description = "Last as-of date; default 12 months before the ledger's last day." };
        var step = new Option<int>("--step") { Description = "Months between as-of dates (default 3).", DefaultValueFactory = _ => 3 };
        var through = new Option<string?>("--outcomes-through") { Description = "Last day whose payments are known; default the ledger's last invoice or payment date." };
        var badDays = new Option<int>("--bad-days") { Description = "Days past due that make a customer bad (default 90).", DefaultValueFactory = _ => 90 };
        var format = new Option<string>("--format") { Description = "table (default), json or md.", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "json", "md");
        var output = OutputFormat.CreateOut();
        var command = new Command("backtest", "Replays a policy and a baseline over past dates: bad rate per grade, and the bad customers each would have stopped.")
        {
            policyFile, against, from, to, step, through, badDays, format, output,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var request = new BacktestRequest
            {
                Candidate = PolicyLoader.LoadFile(parseResult.GetValue(policyFile)!),
                Baseline = parseResult.GetValue(against) is { } path ? PolicyLoader.LoadFile(path) : CreditPolicy.Default,
                From = Date(parseResult.GetValue(from), "--from"),
                To = Date(parseResult.GetValue(to), "--to"),
                StepMonths = parseResult.GetValue(step),
                OutcomesThrough = Date(parseResult.GetValue(through), "--outcomes-through"),
                BadDaysPastDue = parseResult.GetValue(badDays),
            };
            var errors = BacktestPolicies.Validate(request);
            if (errors.Count > 0)
            {
                throw new CliUsageException(string.Join("; ", errors) + ".");
            }

            BacktestResult result;
            await using (var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken))
            {
                using var line = new ProgressLine();
                try
                {
                    result = await BacktestPolicies.HandleAsync(request, store, clock, new Progress<string>(s => line.Show($"backtest: {s}")), cancellationToken);
                }
                catch (ArgumentException exception)
                {
                    throw new CliUsageException(exception.Message.Split(" (Parameter", 2)[0]);
                }
            }

            await using var stream = OutputFormat.OpenStream(parseResult.GetValue(output));
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            switch (parseResult.GetValue(format))
            {
                case "json":
                    await writer.WriteLineAsync(JsonSerializer.Serialize(result, AssessPortfolio.Json));
                    break;
                case "md":
                    await writer.WriteAsync(BacktestMarkdownWriter.Write(result));
                    break;
                default:
                    WriteTable(writer, result);
                    break;
            }

            await writer.FlushAsync(cancellationToken);
            return ExitCodes.Done;
        });
        return command;
    }

    private static DateOnly? Date(string? text, string option) => text is null ? null : GlobalOptions.ParseDate(text, option);

    private static void WriteTable(TextWriter writer, BacktestResult result)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 160;
        var t = result.Total;
        writer.WriteLine($"Candidate {result.CandidatePolicy} ({result.CandidateSource}) against {result.BaselinePolicy} ({result.BaselineSource}); ledger known through {result.OutcomesThrough:yyyy-MM-dd}.");
        writer.WriteLine(BacktestMarkdownWriter.Verdict(result));
        var grades = new Table().Title("Bad rate per grade, all dates").AddColumns("grade", "baseline n", "bad", "rate", "candidate n", "bad", "rate");
        for (var i = 0; i < t.Baseline.Grades.Count; i++)
        {
            var b = t.Baseline.Grades[i];
            var c = t.Candidate.Grades[i];
            grades.AddRow(b.Grade, N(b.Customers), N(b.Bad), ReportFormat.Figure(b.BadRate, FigureUnit.Share), N(c.Customers), N(c.Bad), ReportFormat.Figure(c.BadRate, FigureUnit.Share));
        }

        console.Write(grades);
        var decisions = new Table().Title("Typical order, all dates").AddColumns("", "baseline", "candidate");
        decisions.AddRow("approve", N(t.Baseline.Approved), N(t.Candidate.Approved));
        decisions.AddRow("review", N(t.Baseline.Reviewed), N(t.Candidate.Reviewed));
        decisions.AddRow("block", N(t.Baseline.Blocked), N(t.Candidate.Blocked));
        decisions.AddRow("bad blocked", N(t.Baseline.BadBlocked), N(t.Candidate.BadBlocked));
        decisions.AddRow("bad reviewed", N(t.Baseline.BadReviewed), N(t.Candidate.BadReviewed));
        decisions.AddRow("bad approved", N(t.Baseline.BadApproved), N(t.Candidate.BadApproved));
        decisions.AddRow("good stopped", N(t.Baseline.GoodStopped), N(t.Candidate.GoodStopped));
        decisions.AddRow("recommended limits", ReportFormat.Money(t.Baseline.RecommendedLimits), ReportFormat.Money(t.Candidate.RecommendedLimits));
        console.Write(decisions);
        var dates = new Table().Title("Per as-of date").AddColumns("as of", "outcome to", "customers", "bad", "grades changed", "limits changed", "decisions changed", "bad stopped (base/cand)");
        foreach (var d in result.Dates)
        {
            var x = d.Comparison;
            dates.AddRow(ReportFormat.Date(d.AsOf), ReportFormat.Date(d.OutcomeEnd) + (d.OutcomeComplete ? string.Empty : " (partial)"), N(x.Customers), N(x.Bad),
                N(x.GradeChanged), N(x.LimitChanged), N(x.DecisionChanged),
                $"{N(x.Baseline.BadBlocked + x.Baseline.BadReviewed)}/{N(x.Candidate.BadBlocked + x.Candidate.BadReviewed)}");
        }

        console.Write(dates);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
