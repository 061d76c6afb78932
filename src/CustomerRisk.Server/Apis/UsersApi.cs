using System.Security.Claims;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>Users and API tokens (admin only). The same use cases as `crisk users add|passwd|role|disable|enable|token`;
/// each change is audited with the signed-in admin as its actor.</summary>
public static class UsersApi
{
    /// <summary>A user as listed: never the password hash. <c>active</c> is false from the instant an admin disabled
    /// the user (<c>disabled_at</c>).</summary>
    public sealed record UserView(string UserName, UserRole Role, string? SalesOwner, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, bool Active);

    /// <summary>A new password set by an admin (12–1,024 characters).</summary>
    public sealed record PasswordReset(string? NewPassword);

    /// <summary>A new role: a role code, and for sales the sales_owner whose customers the user sees.</summary>
    public sealed record NewRole(string? Role, string? SalesOwner);

    /// <summary>A new user.</summary>
    public sealed record NewUser(string? UserName, string? Role, string? SalesOwner, string? Password);

    /// <summary>A token request: what it is for, and days until it expires (default 90; 0: never).</summary>
    public sealed record NewToken(string? Label, int? ExpiresDays);

    /// <summary>A new token: shown this once, never again; its id names it to list or revoke it.</summary>
    public sealed record IssuedToken(string UserName, string Token, string TokenId, DateTimeOffset? ExpiresAt);

    /// <summary>A token as listed: its id and dates, never the token or its hash; <c>active</c> is false while the
    /// user is disabled.</summary>
    public sealed record TokenView(string TokenId, string UserName, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
        DateTimeOffset? RevokedAt, bool Active);

    public static void MapUsersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListAsync).WithSummary("Every user, by name.");
        users.MapPost("/", AddAsync).WithSummary("Adds a user (password at least 12 characters).");
        users.MapPut("/{userName}/password", ResetPasswordAsync)
            .WithSummary("Sets the user's password (no current one needed); every session of the user ends.");
        users.MapPut("/{userName}/role", ChangeRoleAsync)
            .WithSummary("Changes the user's role (and sales owner); their sessions end. 409 for the last active admin.");
        users.MapPost("/{userName}/disable", DisableAsync)
            .WithSummary("Disables the user: no sign-in, sessions and API tokens refused from the next request. 409 for the last active admin.");
        users.MapPost("/{userName}/enable", EnableAsync).WithSummary("Enables a disabled user again (unexpired, unrevoked tokens work again).");
        users.MapPost("/{userName}/tokens", IssueAsync).WithSummary("Issues an API token; the answer is the only time it is shown.");
        users.MapGet("/{userName}/tokens", ListTokensAsync).WithSummary("The user's API tokens: ids, dates, whether each still works.");
        users.MapDelete("/{userName}/tokens/{tokenId}", RevokeAsync).WithSummary("Revokes a token: from the next request on it gets 401.");
    }

    private static async Task<Ok<UserView[]>> ListAsync(IUserStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(ViewOf).ToArray());
    }

    private static async Task<Created<UserView>> AddAsync(NewUser request, ClaimsPrincipal admin, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = await AddUser.HandleAsync(new AddUserRequest(request.UserName ?? "", request.Role ?? "", request.SalesOwner,
            request.Password ?? "", OperationsAccess.NameOf(admin)), store, clock, cancellationToken);
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.UserName)}", ViewOf(user));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(string userName, PasswordReset? request, ClaimsPrincipal admin,
        IUserStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var refused = await RefusedAsync(() => ResetPassword.HandleAsync(
            new ResetPasswordRequest(userName, request?.NewPassword, OperationsAccess.NameOf(admin)), store, clock, cancellationToken));
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRoleAsync(string userName, NewRole? request, ClaimsPrincipal admin,
        IUserStore store, CancellationToken cancellationToken) =>
        ViewOrProblemAsync(() => ChangeRole.HandleAsync(new ChangeRoleRequest(userName, request?.Role, request?.SalesOwner, OperationsAccess.NameOf(admin)),
            store, cancellationToken));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> DisableAsync(string userName, ClaimsPrincipal admin, IUserStore store,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ViewOrProblemAsync(() => SetUserEnabled.HandleAsync(new SetUserEnabledRequest(userName, Enabled: false, OperationsAccess.NameOf(admin)),
            store, clock, cancellationToken));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> EnableAsync(string userName, ClaimsPrincipal admin, IUserStore store,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ViewOrProblemAsync(() => SetUserEnabled.HandleAsync(new SetUserEnabledRequest(userName, Enabled: true, OperationsAccess.NameOf(admin)),
            store, clock, cancellationToken));

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ViewOrProblemAsync(Func<Task<UserAccount>> change)
    {
        UserAccount? user = null;
        var refused = await RefusedAsync(async () => user = await change());
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.Ok(ViewOf(user!));
    }

    // An unknown user is 404 and the last admin 409; bad input stays a 400 (the problem handler's answer).
    private static async Task<ProblemHttpResult?> RefusedAsync(Func<Task<UserAccount>> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (UserRequestException e) when (e.Failure == UserRequestFailure.NoSuchUser)
        {
            return TypedResults.Problem(title: "No such user.", detail: e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (UserRequestException e) when (e.Failure == UserRequestFailure.LastAdmin)
        {
            return TypedResults.Problem(title: "The last active admin cannot be disabled or given another role.", detail: e.Message,
                statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Ok<IssuedToken>> IssueAsync(string userName, NewToken? request, ClaimsPrincipal admin, IUserStore store,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var issued = await IssueApiToken.HandleAsync(new IssueApiTokenRequest(userName, request?.Label,
            request?.ExpiresDays ?? IssueApiToken.DefaultExpiryDays, OperationsAccess.NameOf(admin)), store, clock, cancellationToken);
        return TypedResults.Ok(new IssuedToken(userName, issued.Token, issued.Record.TokenId, issued.Record.ExpiresAt));
    }

    private static async Task<Results<Ok<TokenView[]>, ProblemHttpResult>> ListTokensAsync(string userName, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = userName.Length > 64 ? null : await store.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(title: "No such user.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = clock.GetUtcNow();
        var tokens = await store.ListTokensAsync(userName, cancellationToken);
        return TypedResults.Ok(tokens.Select(t => new TokenView(t.TokenId, t.UserName, t.Label, t.CreatedAt, t.ExpiresAt, t.RevokedAt,
            t.IsValidAt(now) && user.IsActive)).ToArray());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string userName, string tokenId, ClaimsPrincipal admin,
        IUserStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var revoked = await RevokeApiToken.HandleAsync(new RevokeApiTokenRequest(tokenId, userName, OperationsAccess.NameOf(admin)), store, clock,
            cancellationToken);
        return revoked is null
            ? TypedResults.Problem(title: "No such token.", detail: "The user has no token with that id.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.NoContent();
    }

    private static UserView ViewOf(UserAccount user) => new(user.UserName, user.Role, user.SalesOwner, user.CreatedAt, user.DisabledAt, user.IsActive);
}
