using System.CommandLine;
using System.Globalization;
using System.Text;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Operations;
using Spectre.Console;

namespace CustomerRisk.Cli.Operations;

/// <summary>What the operations commands share: opening the store, the options they all take, refusals as exit code
/// 2, and table or JSON output.</summary>
internal static class OperationsCli
{
    /// <summary>Sets the command's action; a refused request exits with code 2 and its reason, as bad usage does.</summary>
    public static void SetOperationAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (OperationRefusedException exception)
            {
                throw new CliUsageException(exception.Message);
            }
        });

    /// <summary>Migrates the database named by --db and opens the operations store on it.</summary>
    public static async Task<IOperationsStore> OpenAsync(ParseResult parseResult, TimeProvider clock, CancellationToken cancellationToken)
    {
        var db = GlobalOptions.DatabaseOf(parseResult);
        await using (await RiskStoreFactory.OpenMigratedAsync(db, clock, cancellationToken))
        {
        }

        return OperationsStoreFactory.Open(db, clock);
    }

    public static Option<string> Format() => new Option<string>("--format")
    {
        Description = "table (default) or json.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    public static Option<string?> AsOf() => new("--as-of") { Description = "As of this date (yyyy-MM-dd); default today." };

    public static Option<string?> Date(string name, string description) => new(name) { Description = description };

    public static Option<string?> Policy() => new("--policy") { Description = "A policy file (YAML); default the active stored policy." };

    /// <summary>The policy file given, else the active stored policy (`crisk policy load`), as `crisk assess` decides.</summary>
    public static async Task<CreditPolicy> PolicyOfAsync(ParseResult parseResult, Option<string?> option, ICreditStore credit, TimeProvider clock,
        CancellationToken cancellationToken) =>
        parseResult.GetValue(option) is { } path
            ? PolicyLoader.LoadFile(path)
            : (await Application.Credit.ActivePolicy.ResolveAsync(credit, clock, cancellationToken)).Policy;

    /// <summary>As <see cref="PolicyOfAsync(ParseResult, Option{string?}, ICreditStore, TimeProvider, CancellationToken)"/>,
    /// opening the credit store on --db (migrated already by <see cref="OpenAsync"/>).</summary>
    public static async Task<CreditPolicy> PolicyOfAsync(ParseResult parseResult, Option<string?> option, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(option) is { } path)
        {
            return PolicyLoader.LoadFile(path);
        }

        await using var credit = Storage.Credit.CreditStoreFactory.Open(GlobalOptions.DatabaseOf(parseResult), clock);
        return await PolicyOfAsync(parseResult, option, credit, clock, cancellationToken);
    }

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static DateOnly DateOf(ParseResult parseResult, Option<string?> option, TimeProvider clock) =>
        parseResult.GetValue(option) is { } text ? GlobalOptions.ParseDate(text, option.Name) : GlobalOptions.Today(clock);

    public static DateOnly? OptionalDate(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) is { } text ? GlobalOptions.ParseDate(text, option.Name) : null;

    public static bool IsJson(ParseResult parseResult, Option<string> format) => parseResult.GetValue(format) == "json";

    /// <summary>Writes a value as JSON (snake_case) and a newline to standard output.</summary>
    public static async Task WriteJsonAsync<T>(T value)
    {
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        await stdout.WriteLineAsync(OperationsJson.Serialize(value));
    }

    /// <summary>Writes a table to standard output, as wide as its content when output is a file or pipe.</summary>
    public static void WriteTable(Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Console.IsOutputRedirected ? 240 : Math.Max(120, Console.WindowWidth);
        console.Write(table);
    }

    public static Table NewTable(string title, params string[] columns)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        return table;
    }

    public static void AddRow(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => Markup.Escape(c ?? "-")).ToArray());

    public static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    public static string M(decimal? amount) => amount?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? "-";

    public static string N(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
