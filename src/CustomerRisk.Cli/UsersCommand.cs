using System.CommandLine;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage;
using Spectre.Console;

namespace CustomerRisk.Cli;

/// <summary>`crisk users add|token|list`: the server's users, kept in the store (docs/server.md).</summary>
public static class UsersCommand
{
    public static Command Create(TimeProvider clock)
    {
        var users = new Command("users", "Server users and API tokens.");
        users.Subcommands.Add(Add(clock));
        users.Subcommands.Add(Token(clock));
        users.Subcommands.Add(List(clock));
        return users;
    }

    private static Command Add(TimeProvider clock)
    {
        var name = new Argument<string>("NAME") { Description = "The sign-in name (letters, digits, . _ - @)." };
        var role = new Option<string>("--role")
        {
            Description = $"One of {string.Join(", ", UserRoles.AllCodes)}.",
            Required = true,
        };
        var owner = new Option<string?>("--owner") { Description = "For sales: the sales_owner whose customers they see." };
        var command = new Command("add", "Adds a user; the password is read from standard input or a prompt.") { name, role, owner };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var password = ReadPassword();
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var user = await AddUser.HandleAsync(new AddUserRequest(parseResult.GetValue(name)!, parseResult.GetValue(role)!,
                parseResult.GetValue(owner), password), userStore, clock, cancellationToken);
            await Console.Out.WriteLineAsync($"Added {user.UserName} ({user.Role.ToCode()}{(user.SalesOwner is null ? "" : ", owner " + user.SalesOwner)}).");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Token(TimeProvider clock)
    {
        var name = new Argument<string>("NAME") { Description = "The user the token acts as." };
        var label = new Option<string?>("--label") { Description = "What the token is for." };
        var command = new Command("token", "Issues an API token (shown once; only its SHA-256 is stored).") { name, label };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var token = await IssueApiToken.HandleAsync(new IssueApiTokenRequest(parseResult.GetValue(name)!, parseResult.GetValue(label)),
                userStore, clock, cancellationToken);
            await Console.Out.WriteLineAsync(token);
            await Console.Error.WriteLineAsync("Keep this token now: it is not stored and cannot be shown again. Send it as 'Authorization: Bearer TOKEN'.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var command = new Command("list", "Lists the users.");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            foreach (var user in await userStore.ListAsync(cancellationToken))
            {
                await Console.Out.WriteLineAsync($"{user.UserName}\t{user.Role.ToCode()}\t{user.SalesOwner}");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    // Piped: the first line of standard input (for scripts). At a terminal: asked twice, not echoed.
    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new CliUsageException("No password on standard input.");
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == second ? first : throw new CliUsageException("The two passwords differ.");
    }
}
