using System.CommandLine;

namespace CustomerRisk.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("CustomerRisk: customer credit-risk management (crisk).");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static IEnumerable<Command> Commands()
    {
        yield break;
    }
}
