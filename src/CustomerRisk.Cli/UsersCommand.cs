using System.CommandLine;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage;
using Spectre.Console;

namespace CustomerRisk.Cli;

/// <summary>`crisk users add|token|tokens|revoke-token|list`: the server's users, kept in the store (docs/server.md).</summary>
public static class UsersCommand
{
    public static Command Create(TimeProvider clock)
    {
        var users = new Command("users", "Server users and API tokens.");
        users.Subcommands.Add(Add(clock));
        users.Subcommands.Add(Token(clock));
        users.Subcommands.Add(Tokens(clock));
        users.Subcommands.Add(RevokeToken(clock));
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
        var expires = new Option<int>("--expires-days")
        {
            Description = $"Days until the token expires (default {IssueApiToken.DefaultExpiryDays}; 0: never).",
            DefaultValueFactory = _ => IssueApiToken.DefaultExpiryDays,
        };
        var command = new Command("token", "Issues an API token (shown once; only its SHA-256 is stored).") { name, label, expires };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var issued = await IssueApiToken.HandleAsync(
                new IssueApiTokenRequest(parseResult.GetValue(name)!, parseResult.GetValue(label), parseResult.GetValue(expires)),
                userStore, clock, cancellationToken);
            // The token alone on standard output, so that TOKEN=$(crisk users token NAME) works; the rest on stderr.
            await Console.Out.WriteLineAsync(issued.Token);
            var expiry = issued.Record.ExpiresAt is { } at ? $"expires {at:yyyy-MM-dd HH:mm} UTC" : "never expires";
            await Console.Error.WriteLineAsync($"Token {issued.Record.TokenId} for {issued.Record.UserName}, {expiry}. Keep it now: it is not stored " +
                "and cannot be shown again. Send it as 'Authorization: Bearer TOKEN'; revoke it with 'crisk users revoke-token " +
                $"{issued.Record.TokenId}'.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Tokens(TimeProvider clock)
    {
        var name = new Argument<string>("NAME") { Description = "The user whose tokens to list." };
        var command = new Command("tokens", "Lists a user's API tokens: id, label, created, expires, revoked, state.") { name };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var now = clock.GetUtcNow();
            foreach (var token in await userStore.ListTokensAsync(parseResult.GetValue(name)!, cancellationToken))
            {
                var state = token.RevokedAt is not null ? "revoked" : token.IsValidAt(now) ? "active" : "expired";
                await Console.Out.WriteLineAsync(string.Join('\t', token.TokenId, token.Label ?? "", Instant(token.CreatedAt),
                    token.ExpiresAt is { } e ? Instant(e) : "never", token.RevokedAt is { } r ? Instant(r) : "", state));
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command RevokeToken(TimeProvider clock)
    {
        var id = new Argument<string>("ID") { Description = "The token's id (12 hex digits, from 'crisk users tokens NAME')." };
        var command = new Command("revoke-token", "Revokes an API token: from the next request on, the server answers it with 401.") { id };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var revoked = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(parseResult.GetValue(id)!), userStore, clock, cancellationToken)
                ?? throw new CliUsageException($"No token has the id '{parseResult.GetValue(id)}'.");
            await Console.Out.WriteLineAsync($"Revoked token {revoked.TokenId} of {revoked.UserName} ({Instant(revoked.RevokedAt!.Value)}).");
            return ExitCodes.Done;
        });
        return command;
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

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
