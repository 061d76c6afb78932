using System.CommandLine;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>The credit operations commands: `policy`, `limits`, `check-order`, `audit`.</summary>
public static class CreditCommands
{
    public static IEnumerable<Command> Create(TimeProvider clock)
    {
        yield return PolicyCommand.Create(clock);
        yield return LimitsCommand.Create(clock);
        yield return CheckOrderCommand.Create(clock);
        yield return AuditCommand.Create(clock);
    }

    /// <summary>The store (migrated) and its credit store, for one command.</summary>
    internal static async Task<(IRiskStore Ledgers, ICreditStore Credit)> OpenAsync(ParseResult parseResult, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var ledgers = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
        return (ledgers, CreditStoreFactory.Open(GlobalOptions.DatabaseOf(parseResult), clock));
    }

    /// <summary>Who runs the command: the operating-system user (read at the command line's edge).</summary>
    internal static string CurrentUser => string.IsNullOrWhiteSpace(Environment.UserName) ? "crisk" : Environment.UserName;

    /// <summary>Runs a credit action, turning a refused request into bad usage (exit 2).</summary>
    internal static async Task<T> RefusalsAsUsage<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (CreditRequestException exception)
        {
            throw new CliUsageException(exception.Message);
        }
    }

    internal static DateOnly DateOr(ParseResult parseResult, Option<string?> option, TimeProvider clock) =>
        parseResult.GetValue(option) is { } text ? GlobalOptions.ParseDate(text, option.Name) : GlobalOptions.Today(clock);
}
