using System.CommandLine;

namespace CustomerRisk.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("CustomerRisk: customer credit-risk management (crisk).");
        root.Options.Add(GlobalOptions.Db);
        foreach (var command in Commands(TimeProvider.System))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"crisk: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'crisk --help' for usage.");
            return ExitCodes.BadUsage;
        }

        return await parseResult.InvokeAsync();
    }

    private static IEnumerable<Command> Commands(TimeProvider clock)
    {
        yield return DemoCommand.Create(clock);
        yield return ImportCommand.Create(clock);
        yield return AssessCommand.CreateAssess(clock);
        yield return AssessCommand.CreatePortfolio(clock);
        yield return Model.ModelCommand.Create();
        foreach (var command in Credit.CreditCommands.Create(clock)) yield return command;
        foreach (var command in Operations.OperationsCommands.Create(clock)) { yield return command; }
        yield return ReportCommand.Create(clock);
        yield return BacktestCommand.Create(clock);
        yield return ServeCommand.Create();
        yield return UsersCommand.Create(clock);
    }
}
