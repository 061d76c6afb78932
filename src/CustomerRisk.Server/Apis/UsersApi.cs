using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>Users and API tokens (admin only). The same use cases as `crisk users add|token`.</summary>
public static class UsersApi
{
    /// <summary>A user as listed: never the password hash.</summary>
    public sealed record UserView(string UserName, string Role, string? SalesOwner, DateTimeOffset CreatedAt);

    /// <summary>A new user.</summary>
    public sealed record NewUser(string? UserName, string? Role, string? SalesOwner, string? Password);

    /// <summary>A token request.</summary>
    public sealed record NewToken(string? Label);

    /// <summary>A new token: shown this once, never again.</summary>
    public sealed record IssuedToken(string UserName, string Token);

    public static void MapUsersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListAsync).WithSummary("Every user, by name.");
        users.MapPost("/", AddAsync).WithSummary("Adds a user (password at least 12 characters).");
        users.MapPost("/{userName}/tokens", IssueAsync).WithSummary("Issues an API token; the answer is the only time it is shown.");
    }

    private static async Task<Ok<UserView[]>> ListAsync(IUserStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(ViewOf).ToArray());
    }

    private static async Task<Created<UserView>> AddAsync(NewUser request, IUserStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await AddUser.HandleAsync(new AddUserRequest(request.UserName ?? "", request.Role ?? "", request.SalesOwner,
            request.Password ?? ""), store, clock, cancellationToken);
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.UserName)}", ViewOf(user));
    }

    private static async Task<Ok<IssuedToken>> IssueAsync(string userName, NewToken? request, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var token = await IssueApiToken.HandleAsync(new IssueApiTokenRequest(userName, request?.Label), store, clock, cancellationToken);
        return TypedResults.Ok(new IssuedToken(userName, token));
    }

    private static UserView ViewOf(UserAccount user) => new(user.UserName, user.Role.ToCode(), user.SalesOwner, user.CreatedAt);
}
