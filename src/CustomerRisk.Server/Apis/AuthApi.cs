using System.Security.Claims;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>Sign-in and sign-out for the browser (an HttpOnly, SameSite=Strict cookie) and who the caller is. Every
/// sign-in attempt, accepted or refused, is in the audit trail (the name typed and the client's address, never the
/// password).</summary>
public static class AuthApi
{
    /// <summary>A sign-in request.</summary>
    public sealed record SignInRequest(string? UserName, string? Password);

    /// <summary>The signed-in user and the antiforgery token to send with cookie requests that change something.</summary>
    public sealed record Me(string UserName, string Role, string? SalesOwner, string? CsrfToken);

    public static void MapAuthApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(SecurityServices.SignInLimit)
            .WithSummary("Signs in with user name and password; sets the session cookie.");
        auth.MapPost("/sign-out", SignOutAsync).WithSummary("Ends the session.");
        app.MapGet("/api/me", GetMe).WithTags("Sign-in").WithSummary("The signed-in user, with the antiforgery token.");
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignInAsync(SignInRequest? request, HttpContext context,
        IUserStore users, ICreditStore audit, IAntiforgery antiforgery)
    {
        var user = await SignIn.HandleAsync(request?.UserName, request?.Password, context.Connection.RemoteIpAddress?.ToString(), users, audit,
            context.RequestAborted);
        if (user is null)
        {
            return TypedResults.Problem(title: "Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // The antiforgery token is bound to the user, so it is made for the new principal (SignInWithCookieAsync sets it).
        await context.SignInWithCookieAsync(user);
        return TypedResults.Ok(MeOf(context, context.User, antiforgery));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(HttpContext context, ClaimsPrincipal user, IAntiforgery antiforgery) =>
        TypedResults.Ok(MeOf(context, user, antiforgery));

    private static Me MeOf(HttpContext context, ClaimsPrincipal user, IAntiforgery antiforgery)
    {
        var cookie = user.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
        return new Me(user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!, user.FindFirstValue(UserClaims.SalesOwner),
            cookie ? antiforgery.GetAndStoreTokens(context).RequestToken : null);
    }
}
