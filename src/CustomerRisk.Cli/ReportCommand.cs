using System.CommandLine;
using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Reports;
using CustomerRisk.Policy;

namespace CustomerRisk.Cli;

/// <summary>`crisk report --customer ID | --portfolio [--as-of DATE] [--format md|html|pdf|json] [--out FILE]`: the risk
/// assessment report of one customer or of the portfolio (docs/reports.md). Nothing is saved. PDF is the HTML page
/// printed by headless Chromium (<see cref="ChromiumPdfPrinter"/>, Debian's /usr/bin/chromium) and needs --out.</summary>
public static class ReportCommand
{
    public static Command Create(TimeProvider clock)
    {
        var customer = new Option<string?>("--customer") { Description = "The customer to report on." };
        var portfolio = new Option<bool>("--portfolio") { Description = "Report on the whole portfolio instead." };
        var asOf = new Option<string?>("--as-of") { Description = "Report as of this date (yyyy-MM-dd); default today." };
        var format = new Option<string>("--format")
        {
            Description = "md (default), html (one self-contained page), pdf (that page printed by Chromium; needs --out) or json (the report model).",
            DefaultValueFactory = _ => "md",
        }.AcceptOnlyFromAmong("md", "html", "pdf", "json");
        var output = OutputFormat.CreateOut();
        var policyFile = new Option<string?>("--policy") { Description = "A policy file (YAML); default the built-in policy." };
        var command = new Command("report", "A credit risk assessment report of one customer or of the portfolio, as Markdown or HTML.")
        {
            customer, portfolio, asOf, format, output, policyFile,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var id = parseResult.GetValue(customer);
            var wholePortfolio = parseResult.GetValue(portfolio);
            if (string.IsNullOrWhiteSpace(id) == !wholePortfolio)
            {
                throw new CliUsageException("Give either --customer ID or --portfolio.");
            }

            var kind = parseResult.GetValue(format);
            var printer = new ChromiumPdfPrinter();
            if (kind == "pdf")
            {
                if (parseResult.GetValue(output) is null)
                {
                    throw new CliUsageException("--format pdf writes a file: give --out FILE.");
                }

                if (!printer.IsAvailable)
                {
                    throw new CliUsageException($"--format pdf needs Chromium at {printer.ExecutablePath}, which is not installed (Debian: apt-get install chromium).");
                }
            }

            var date = parseResult.GetValue(asOf) is { } text ? GlobalOptions.ParseDate(text, "--as-of") : GlobalOptions.Today(clock);
            var policy = parseResult.GetValue(policyFile) is { } path ? PolicyLoader.LoadFile(path) : CreditPolicy.Default;
            RiskReportResult result;
            await using (var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken))
            {
                using var line = new ProgressLine();
                var progress = new Progress<int>(n => line.Show($"report: {n:N0} customers assessed"));
                try
                {
                    result = await BuildRiskReport.HandleAsync(new RiskReportRequest(date, wholePortfolio ? null : id), store, policy, clock, progress, cancellationToken);
                }
                catch (KeyNotFoundException exception)
                {
                    throw new CliUsageException(exception.Message);
                }
            }

            if (kind == "pdf")
            {
                var html = result.Customer is { } one ? HtmlReportWriter.Write(one) : HtmlReportWriter.Write(result.Portfolio);
                byte[] pdf;
                try
                {
                    pdf = await printer.PrintAsync(html, cancellationToken);
                }
                catch (PdfPrintException exception)
                {
                    Console.Error.WriteLine(exception.Message);
                    return ExitCodes.Failed;
                }

                await using var file = OutputFormat.OpenStream(parseResult.GetValue(output));
                await file.WriteAsync(pdf, cancellationToken);
                return ExitCodes.Done;
            }

            string rendered = (kind, result.Customer) switch
            {
                ("json", { } c) => JsonSerializer.Serialize(c, AssessPortfolio.Json) + "\n",
                ("json", null) => JsonSerializer.Serialize(result.Portfolio, AssessPortfolio.Json) + "\n",
                ("html", { } c) => HtmlReportWriter.Write(c),
                ("html", null) => HtmlReportWriter.Write(result.Portfolio),
                (_, { } c) => MarkdownReportWriter.Write(c),
                _ => MarkdownReportWriter.Write(result.Portfolio),
            };
            await using var stream = OutputFormat.OpenStream(parseResult.GetValue(output));
            await stream.WriteAsync(new UTF8Encoding(false).GetBytes(rendered), cancellationToken);
            return ExitCodes.Done;
        });
        return command;
    }
}
