using System.CommandLine;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage;
using Spectre.Console;

namespace CustomerRisk.Cli;

/// <summary>`crisk users add|passwd|role|disable|enable|list|token|tokens|revoke-token`: the server's users, kept in the
/// store (docs/server.md). A password is never taken from the command line (it would show in the process list and the
/// shell history): it is read from standard input, a prompt, or the environment variable named by --password-env.</summary>
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
        users.Subcommands.Add(Passwd(clock));
        users.Subcommands.Add(Role(clock));
        users.Subcommands.Add(SetEnabled(clock, enabled: false));
        users.Subcommands.Add(SetEnabled(clock, enabled: true));
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
        var passwordEnv = PasswordEnvOption();
        var command = new Command("add", "Adds a user; the password is read from standard input, a prompt or --password-env.")
        {
            name, role, owner, passwordEnv,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var password = ReadPassword(parseResult.GetValue(passwordEnv));
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
        var command = new Command("list", "Lists the users: name, role, sales owner, state (active, or disabled and since when).");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            foreach (var user in await userStore.ListAsync(cancellationToken))
            {
                var state = user.DisabledAt is { } disabled ? "disabled " + Instant(disabled) : "active";
                await Console.Out.WriteLineAsync($"{user.UserName}\t{user.Role.ToCode()}\t{user.SalesOwner}\t{state}");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Passwd(TimeProvider clock)
    {
        var name = new Argument<string>("NAME") { Description = "The user whose password to set." };
        var passwordEnv = PasswordEnvOption();
        var command = new Command("passwd", "Sets a user's password (standard input, a prompt or --password-env); their sessions end.")
        {
            name, passwordEnv,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var password = ReadPassword(parseResult.GetValue(passwordEnv));
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var user = await ResetPassword.HandleAsync(new ResetPasswordRequest(parseResult.GetValue(name)!, password), userStore, clock, cancellationToken);
            await Console.Out.WriteLineAsync($"Password of {user.UserName} set; their sessions have ended.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Role(TimeProvider clock)
    {
        var name = new Argument<string>("NAME") { Description = "The user." };
        var role = new Argument<string>("ROLE") { Description = $"One of {string.Join(", ", UserRoles.AllCodes)}." };
        var owner = new Option<string?>("--owner") { Description = "For sales: the sales_owner whose customers they see." };
        var command = new Command("role", "Gives a user another role; their sessions end. The last active admin keeps theirs.") { name, role, owner };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var user = await ChangeRole.HandleAsync(new ChangeRoleRequest(parseResult.GetValue(name)!, parseResult.GetValue(role), parseResult.GetValue(owner)),
                userStore, cancellationToken);
            await Console.Out.WriteLineAsync($"{user.UserName} is {user.Role.ToCode()}{(user.SalesOwner is null ? "" : ", owner " + user.SalesOwner)}.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command SetEnabled(TimeProvider clock, bool enabled)
    {
        var name = new Argument<string>("NAME") { Description = "The user." };
        var command = enabled
            ? new Command("enable", "Enables a disabled user: they can sign in again, and their unexpired, unrevoked tokens work again.") { name }
            : new Command("disable", "Disables a user: no sign-in; sessions and API tokens refused. The last active admin cannot be.") { name };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenAsync(parseResult, clock, cancellationToken);
            await using var userStore = ServerStores.OpenUsers(GlobalOptions.DatabaseOf(parseResult));
            var user = await SetUserEnabled.HandleAsync(new SetUserEnabledRequest(parseResult.GetValue(name)!, enabled), userStore, clock, cancellationToken);
            await Console.Out.WriteLineAsync(user.DisabledAt is { } at ? $"{user.UserName} is disabled (since {Instant(at)})." : $"{user.UserName} is active.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Option<string?> PasswordEnvOption() => new("--password-env")
    {
        Description = "The name of an environment variable holding the password (for scripts; never the password itself).",
    };

    // --password-env: that variable. Piped: the first line of standard input (for scripts). At a terminal: asked twice, not echoed.
    private static string ReadPassword(string? environmentVariable)
    {
        if (!string.IsNullOrEmpty(environmentVariable))
        {
            return Environment.GetEnvironmentVariable(environmentVariable)
                ?? throw new CliUsageException($"The environment variable {environmentVariable} is not set.");
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new CliUsageException("No password on standard input.");
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == second ? first : throw new CliUsageException("The two passwords differ.");
    }
}
