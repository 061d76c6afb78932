using System.Text.Encodings.Web;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerRisk.Server.Security;

/// <summary>Authenticates <c>Authorization: Bearer crisk_…</c> by the token's SHA-256, looked up in the store on
/// every request (nothing is cached, so a deleted token stops working at once on every instance).</summary>
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

        var users = Context.RequestServices.GetRequiredService<IUserStore>();
        var user = await users.FindByTokenAsync(ApiTokens.HashOf(token), Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("Unknown API token.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserClaims.PrincipalOf(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
