using System.CommandLine;
using CustomerRisk.Application.Demo;

namespace CustomerRisk.Cli;

/// <summary>`crisk demo`: writes a realistic generated portfolio in the import format.</summary>
public static class DemoCommand
{
    public static Command Create(TimeProvider clock)
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers to generate.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files.", DefaultValueFactory = _ => 42 };
        var outFolder = new Option<string>("--out") { Description = "Folder to write the CSV files into.", DefaultValueFactory = _ => "demo" };
        var asOf = new Option<string?>("--as-of") { Description = "The date the history ends (yyyy-MM-dd); default today." };
        var withErrors = new Option<bool>("--with-errors") { Description = "Add about 0.1% bad rows, to see the rejects files." };
        var command = new Command("demo", "Write a realistic generated portfolio in the import format.")
        {
            customers, seed, outFolder, asOf, withErrors,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var date = parseResult.GetValue(asOf) is { } text ? GlobalOptions.ParseDate(text, "--as-of") : GlobalOptions.Today(clock);
            var request = new DemoPortfolioRequest
            {
                OutFolder = parseResult.GetValue(outFolder)!,
                Customers = parseResult.GetValue(customers),
                Seed = parseResult.GetValue(seed),
                AsOf = date,
                WithErrors = parseResult.GetValue(withErrors),
            };
            var errors = DemoPortfolio.Validate(request);
            if (errors.Count > 0)
            {
                throw new CliUsageException(string.Join(" ", errors));
            }

            using var line = new ProgressLine();
            var progress = new Progress<DemoProgress>(p => line.Show($"demo: {p.CustomersWritten:N0} / {p.CustomersTotal:N0} customers"));
            var result = await DemoPortfolio.HandleAsync(request, progress, cancellationToken);
            line.Dispose();
            Console.WriteLine($"Wrote a portfolio of {request.Customers:N0} customers as of {date:yyyy-MM-dd} to {result.OutFolder}:");
            foreach (var file in result.Files)
            {
                var bad = file.BadRows > 0 ? $" ({file.BadRows:N0} deliberately bad)" : string.Empty;
                Console.WriteLine($"  {file.FileName,-20} {file.Rows,12:N0} rows{bad}");
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
