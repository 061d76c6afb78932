using System.Security.Claims;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>What every signed-in user may do to their own account: change their password.</summary>
public static class AccountApi
{
    /// <summary>A change of one's own password: the current one, and the new one (12–1,024 characters).</summary>
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public static void MapAccountApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/me/password", ChangeAsync).WithTags("Sign-in").RequireRateLimiting(SecurityServices.PasswordChangeLimit)
            .WithSummary("Changes the signed-in user's own password (needs the current one); the user's other sessions end.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(PasswordChange? request, ClaimsPrincipal principal,
        HttpContext context, IUserStore users, ICreditStore audit, TimeProvider clock)
    {
        UserAccount user;
        try
        {
            user = await ChangePassword.HandleAsync(new ChangePasswordRequest(principal.Identity!.Name!, request?.CurrentPassword, request?.NewPassword,
                context.Connection.RemoteIpAddress?.ToString()), users, audit, clock, context.RequestAborted);
        }
        catch (UserRequestException e) when (e.Failure == UserRequestFailure.WrongPassword)
        {
            return TypedResults.Problem(title: "The current password is wrong.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        // The change raised the session version, which ends every session of the user; this one goes on with a new cookie.
        if (principal.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await context.SignInWithCookieAsync(user);
        }

        return TypedResults.NoContent();
    }
}
