using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Assess;
using CustomerRisk.Policy;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Models;
using CustomerRisk.Storage.Operations;
using Spectre.Console;

namespace CustomerRisk.Cli;

/// <summary>`crisk assess` and `crisk portfolio`.</summary>
public static class AssessCommand
{
    private static readonly string[] CsvColumns =
    [
        "customer_id", "name", "as_of", "grade", "collection", "timeliness", "focus", "vetoed", "expert_score", "credit_score", "pd",
        "open_ar", "overdue_ar", "unapplied_credit", "current", "d1_30", "d31_60", "d61_90", "d91_180", "d181_plus",
        "sales_12m", "ar_turnover", "dso", "net_collection_rate", "max_days_late", "avg_days_late", "payment_delay_rate",
        "on_time_rate", "frequency_change", "amount_change", "days_since_last_invoice", "typical_interval", "dormant",
        "complaints_90d", "disputes_90d", "broken_promises_180d", "claim_rate_12m", "revenue_share", "exposure",
        "credit_limit", "recommended_limit", "utilisation", "dunning_level", "next_review", "expected_loss", "alerts",
    ];

    public static Command CreateAssess(TimeProvider clock)
    {
        var asOf = AsOfOption();
        var customer = new Option<string?>("--customer") { Description = "Assess only this customer." };
        var format = OutputFormat.CreateFormat();
        var output = OutputFormat.CreateOut();
        var top = new Option<int>("--top") { Description = "Rows in the table format, riskiest first (default 30).", DefaultValueFactory = _ => 30 };
        var policyFile = PolicyOption();
        var command = new Command("assess", "Indicators, grade, score, limits and alerts for each customer; saves the assessment.")
        {
            asOf, customer, format, output, top, policyFile,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var phases = PhaseLog.Start("assess");
            var result = await RunAsync(parseResult, clock, asOf, policyFile, parseResult.GetValue(customer), save: true, cancellationToken);
            await using var stream = OutputFormat.OpenStream(parseResult.GetValue(output));
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            switch (parseResult.GetValue(format))
            {
                case "json":
                    await writer.FlushAsync(cancellationToken);
                    await result.WriteJsonAsync(stream, cancellationToken);
                    await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
                    break;
                case "csv":
                    WriteCsv(writer, result.Customers);
                    break;
                default:
                    WriteTable(writer, result, parseResult.GetValue(top));
                    break;
            }

            await writer.FlushAsync(cancellationToken);
            phases?.Mark("output");
            phases?.End();
            return ExitCodes.Done;
        });
        return command;
    }

    public static Command CreatePortfolio(TimeProvider clock)
    {
        var asOf = AsOfOption();
        var format = OutputFormat.CreateFormat();
        var output = OutputFormat.CreateOut();
        var policyFile = PolicyOption();
        var command = new Command("portfolio", "Portfolio indicators, grade counts, concentration, churn and expected loss.")
        {
            asOf, format, output, policyFile,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var phases = PhaseLog.Start("portfolio");
            var result = await RunAsync(parseResult, clock, asOf, policyFile, null, save: false, cancellationToken);
            await using var stream = OutputFormat.OpenStream(parseResult.GetValue(output));
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            var report = result.Portfolio;
            switch (parseResult.GetValue(format))
            {
                case "json":
                    await writer.WriteLineAsync(JsonSerializer.Serialize(report, AssessPortfolio.Json));
                    break;
                case "csv":
                    await writer.WriteLineAsync("metric,value");
                    foreach (var (name, value) in PortfolioRows(report))
                    {
                        await writer.WriteLineAsync($"{name},{value}");
                    }

                    break;
                default:
                    var table = new Table().Title($"Portfolio as of {report.AsOf:yyyy-MM-dd}").AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
                    foreach (var (name, value) in PortfolioRows(report))
                    {
                        table.AddRow(Markup.Escape(name), Markup.Escape(value));
                    }

                    Console(writer).Write(table);
                    break;
            }

            await writer.FlushAsync(cancellationToken);
            phases?.Mark("output");
            phases?.End();
            return ExitCodes.Done;
        });
        return command;
    }

    private static async Task<AssessPortfolioResult> RunAsync(ParseResult parseResult, TimeProvider clock, Option<string?> asOf,
        Option<string?> policyFile, string? customerId, bool save, CancellationToken cancellationToken)
    {
        var date = parseResult.GetValue(asOf) is { } text ? GlobalOptions.ParseDate(text, "--as-of") : GlobalOptions.Today(clock);
        var file = parseResult.GetValue(policyFile) is { } path ? PolicyLoader.LoadFile(path) : null;
        var db = GlobalOptions.DatabaseOf(parseResult);
        // `assess` does nothing else with the store while it saves the run: a SQLite file may be taken whole for the save.
        await using var store = await RiskStoreFactory.OpenMigratedWithOptionsAsync(db, clock, new RiskStoreOptions { AssessesAlone = save },
            cancellationToken);
        await using var credit = CreditStoreFactory.Open(db, clock);
        await using var operations = OperationsStoreFactory.Open(db, clock);
        await using var models = ModelRegistryStore.Open(db);
        // The same inputs as the server's: the policy file or the active stored policy, the active model, the granted
        // limits, last reviews and covers (AssessFromStore).
        var inputs = await AssessFromStore.GatherAsync(credit, operations, models, file, clock, cancellationToken);
        PhaseLog.Current?.Mark("start-up: open the store, policy, model");
        using var line = new ProgressLine();
        var progress = new Progress<int>(n => line.Show($"assess: {n:N0} customers"));
        try
        {
            return await AssessFromStore.HandleAsync(new AssessPortfolioRequest(date, customerId, save), store, inputs, clock, progress,
                cancellationToken, PhaseLog.Current is { } phases ? phases.Mark : null);
        }
        catch (KeyNotFoundException exception)
        {
            throw new CliUsageException(exception.Message);
        }
    }

    private static Option<string?> AsOfOption() => new("--as-of") { Description = "Compute as of this date (yyyy-MM-dd); default today." };

    private static Option<string?> PolicyOption() => new("--policy") { Description = "A policy file (YAML); default the active stored policy (crisk policy load)." };

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        // A file or pipe has no width: give the table room rather than wrapping every cell.
        console.Profile.Width = System.Console.IsOutputRedirected ? 200 : Math.Max(120, System.Console.WindowWidth);
        return console;
    }

    private static void WriteTable(TextWriter writer, AssessPortfolioResult result, int top)
    {
        var console = Console(writer);
        var table = new Table()
            .Title($"Customers as of {result.Run.AsOf:yyyy-MM-dd}, riskiest first (policy {result.Run.PolicyVersion})")
            .AddColumns("customer", "grade", "C/T/F", "score", "PD", "open AR", "overdue", "DSO", "NCR", "max late", "limit", "recommended", "EL", "alerts");
        foreach (var c in result.Customers.OrderByDescending(c => c.ExpectedLoss).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(Math.Max(0, top)))
        {
            table.AddRow(
                Markup.Escape(c.CustomerId),
                c.Grade,
                $"{c.GradeComponents.Collection ?? "-"}{c.GradeComponents.Timeliness ?? "-"}{c.GradeComponents.Focus ?? "-"}",
                c.CreditScore?.ToString(CultureInfo.InvariantCulture) ?? "-",
                c.Pd is { } pd ? pd.ToString("P1", CultureInfo.InvariantCulture) : "-",
                c.OpenAr.ToString("N0", CultureInfo.InvariantCulture),
                c.OverdueAr.ToString("N0", CultureInfo.InvariantCulture),
                c.Dso?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                c.NetCollectionRate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "-",
                c.MaxDaysLate?.ToString(CultureInfo.InvariantCulture) ?? "-",
                c.CreditLimit?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                c.RecommendedLimit.ToString("N0", CultureInfo.InvariantCulture),
                c.ExpectedLoss.ToString("N0", CultureInfo.InvariantCulture),
                c.Alerts.Count == 0 ? "-" : $"{c.Alerts.Count} {c.RiskSeverity}");
        }

        console.Write(table);
        var counts = result.Portfolio.GradeCounts;
        writer.WriteLine(
            $"{result.Customers.Count:N0} customers: A {counts["A"]:N0}, B {counts["B"]:N0}, C {counts["C"]:N0}, D {counts["D"]:N0}, N {counts["N"]:N0}; " +
            $"open AR {result.Portfolio.OpenAr:N0}, overdue {result.Portfolio.OverdueAr:N0}, expected loss {result.Portfolio.ExpectedLoss:N0}. " +
            (result.Customers.Count > top ? $"Showing {top}; use --format csv|json or --top N for more." : string.Empty));
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<CustomerAssessment> customers)
    {
        writer.WriteLine(string.Join(',', CsvColumns));
        var row = new StringBuilder(512);
        foreach (var c in customers)
        {
            row.Clear();
            object?[] values =
            [
                c.CustomerId, c.Name, c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Grade, c.GradeComponents.Collection,
                c.GradeComponents.Timeliness, c.GradeComponents.Focus, c.Vetoed, c.ExpertScore, c.CreditScore, c.Pd, c.OpenAr, c.OverdueAr,
                c.UnappliedCredit, c.Aging.Current, c.Aging.D1To30, c.Aging.D31To60, c.Aging.D61To90, c.Aging.D91To180,
                c.Aging.D181Plus, c.Sales12m, c.ArTurnover, c.Dso, c.NetCollectionRate, c.MaxDaysLate, c.AvgDaysLate,
                c.PaymentDelayRate, c.OnTimeRate, c.FrequencyChange, c.AmountChange, c.DaysSinceLastInvoice, c.TypicalInterval,
                c.Dormant, c.Complaints90d, c.Disputes90d, c.BrokenPromises180d, c.ClaimRate12m, c.RevenueShare, c.Exposure,
                c.CreditLimit, c.RecommendedLimit, c.Utilisation, c.DunningLevel,
                c.NextReview.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.ExpectedLoss,
                string.Join(' ', c.Alerts.Select(a => a.Rule)),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    row.Append(',');
                }

                row.Append(CsvField(values[i]));
            }

            writer.WriteLine(row);
        }
    }

    private static string CsvField(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static IEnumerable<(string Name, string Value)> PortfolioRows(PortfolioReport r)
    {
        static string M(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        static string S(decimal? v) => v?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
        yield return ("as_of", r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("customers", r.Customers.ToString(CultureInfo.InvariantCulture));
        yield return ("open_ar", M(r.OpenAr));
        yield return ("overdue_ar", M(r.OverdueAr));
        yield return ("aging.current", M(r.Aging.Current));
        yield return ("aging.d1_30", M(r.Aging.D1To30));
        yield return ("aging.d31_60", M(r.Aging.D31To60));
        yield return ("aging.d61_90", M(r.Aging.D61To90));
        yield return ("aging.d91_180", M(r.Aging.D91To180));
        yield return ("aging.d181_plus", M(r.Aging.D181Plus));
        yield return ("sales_12m", M(r.Sales12m));
        yield return ("dso", M(r.Dso));
        yield return ("hhi", S(r.Hhi));
        yield return ("top5_share", S(r.Top5Share));
        yield return ("top10_share", S(r.Top10Share));
        yield return ("churn_rate", S(r.ChurnRate));
        foreach (var (grade, count) in r.GradeCounts)
        {
            yield return ($"grade_counts.{grade}", count.ToString(CultureInfo.InvariantCulture));
        }

        yield return ("exposure", M(r.Exposure));
        yield return ("expected_loss", M(r.ExpectedLoss));
    }
}
