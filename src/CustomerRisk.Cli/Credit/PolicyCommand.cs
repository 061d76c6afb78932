using System.CommandLine;
using System.Globalization;
using CustomerRisk.Application.Credit;

namespace CustomerRisk.Cli.Credit;

/// <summary>`crisk policy load FILE`, `crisk policy show [--version V]`, `crisk policy list`.</summary>
public static class PolicyCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("policy", "The credit policy as versioned data: load a file, show the active or a past version.");
        command.Subcommands.Add(Load(clock));
        command.Subcommands.Add(Show(clock));
        command.Subcommands.Add(List(clock));
        return command;
    }

    private static Command Load(TimeProvider clock)
    {
        var file = new Argument<string>("file") { Description = "The policy file (YAML), e.g. policies/default.yaml." };
        var by = new Option<string?>("--by") { Description = "Who loads it (default: the current user)." };
        var command = new Command("load", "Validate a policy file, store it and make it the active policy.") { file, by };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var request = new LoadPolicyRequest(text, Path.GetFileName(path), parseResult.GetValue(by) ?? CreditCommands.CurrentUser);
                var result = await CreditCommands.RefusalsAsUsage(() => LoadPolicy.HandleAsync(request, credit, clock, cancellationToken));
                Console.WriteLine(result.PreviousVersion == result.Stored.Version
                    ? $"Policy {result.Stored.Version} is already active."
                    : $"Loaded policy {result.Stored.Version} from {result.Stored.SourceName}; it is now active" +
                      (result.PreviousVersion is null ? "." : $" (was {result.PreviousVersion})."));
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Show(TimeProvider clock)
    {
        var version = new Option<string?>("--version") { Description = "The version to show (as recorded on a decision); default the active one." };
        var command = new Command("show", "Print the text of the active policy, or of a past version.") { version };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                var stored = await CreditCommands.RefusalsAsUsage(() => ShowPolicy.HandleAsync(parseResult.GetValue(version), credit, clock, cancellationToken));
                // The text goes to stdout exactly as loaded (so it can be saved and loaded again); what it is, to stderr.
                await Console.Error.WriteLineAsync(
                    $"policy {stored.Version}{(stored.Active ? " (active)" : string.Empty)}, {stored.SourceName}, loaded " +
                    $"{stored.LoadedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} by {stored.LoadedBy}");
                Console.Write(stored.Text);
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var command = new Command("list", "Every policy version loaded, oldest first.");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var (ledgers, credit) = await CreditCommands.OpenAsync(parseResult, clock, cancellationToken);
            await using (ledgers)
            await using (credit)
            {
                foreach (var policy in await credit.ListPoliciesAsync(cancellationToken))
                {
                    Console.WriteLine(
                        $"{(policy.Active ? "*" : " ")} {policy.Version,-26} {policy.LoadedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {policy.LoadedBy,-24} {policy.SourceName}");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
