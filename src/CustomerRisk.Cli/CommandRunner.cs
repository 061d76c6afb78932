using System.CommandLine;

namespace CustomerRisk.Cli;

/// <summary>Runs a command's action and maps failures to the exit codes of spec/cli.md: 2 for bad usage or unusable
/// input, 1 for a failed operation, with the reason on stderr and never a stack trace.</summary>
public static class CommandRunner
{
    /// <summary>Types whose exceptions mean "unusable input" (exit 2), registered by the parts that throw them.</summary>
    private static readonly HashSet<string> UsageExceptionTypes =
    [
        typeof(CliUsageException).FullName!,
        "CustomerRisk.Application.Import.ImportRefusedException",
        "CustomerRisk.Policy.PolicyLoadException",
        "CustomerRisk.Modeling.ModelingDataException",
        "CustomerRisk.Application.Users.UserRequestException",
    ];

    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(() => action(parseResult, cancellationToken)));

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("crisk: cancelled.");
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (IsUsageError(exception))
        {
            await Console.Error.WriteLineAsync($"crisk: {exception.Message}");
            return ExitCodes.BadUsage;
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"crisk: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Failed;
        }
    }

    private static bool IsUsageError(Exception exception) =>
        UsageExceptionTypes.Contains(exception.GetType().FullName!)
        || exception is FileNotFoundException or DirectoryNotFoundException;
}
