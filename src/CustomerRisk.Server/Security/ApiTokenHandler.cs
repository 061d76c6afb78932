using System.Text.Encodings.Web;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerRisk.Server.Security;

/// <summary>Authenticates <c>Authorization: Bearer crisk_…</c> by the token's SHA-256, looked up in the store on
/// every request (nothing is cached, so a revoked or expired token stops working at once on every instance). No slow
/// hash runs here: PBKDF2 is for passwords at sign-in; a 256-bit random token needs only SHA-256.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!ApiTokens.LooksLikeToken(token))
        {
            return AuthenticateResult.Fail("The bearer token is not a CustomerRisk API token.");
        }

        var tokens = Context.RequestServices.GetRequiredService<IApiTokenAuthenticator>();
        var now = Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = await tokens.AuthenticateAsync(ApiTokens.HashOf(token), now, Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("Unknown, expired or revoked API token.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserClaims.PrincipalOf(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
