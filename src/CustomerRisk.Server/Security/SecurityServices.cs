using System.Threading.RateLimiting;
using CustomerRisk.Application.Ports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Security;

/// <summary>Sign-in by cookie (the browser) or bearer API token (integrations), role policies with a fallback that
/// denies every anonymous request, a rate limit on sign-in, and antiforgery tokens for cookie requests that change
/// something.</summary>
public static class SecurityServices
{
    /// <summary>The rate-limit policy of POST /api/auth/sign-in.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>The rate-limit policy of POST /api/me/password: as many tries a minute as sign-in, per signed-in user.</summary>
    public const string PasswordChangeLimit = "password-change";

    /// <summary>The header a cookie-signed-in client sends its antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    private const string Smart = "CookieOrToken";

    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The keys that encrypt cookies: in a shared folder when several instances serve one database.
        var dataProtection = services.AddDataProtection().SetApplicationName("CustomerRisk");
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "crisk_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin.html";
                o.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = Revalidate;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicies();

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "crisk_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true;
        });

        var permits = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = context.HttpContext.Request.Path.StartsWithSegments("/api/me")
                            ? "Too many password change attempts." : "Too many sign-in attempts.",
                        Detail = "Wait a minute before trying again.",
                    },
                });
            };
            // Per client address: guessing passwords costs a minute per few tries, from any one address.
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Per user: a stolen session cannot guess the current password faster than sign-in could, from any address.
            o.AddPolicy(PasswordChangeLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in Policies.Roles)
        {
            builder.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }

    // API callers get a status and a problem document, never a redirect; a browser asking for a page is sent to sign in.
    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && !context.Request.Path.StartsWithSegments("/api")
            && HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.Redirect("/signin.html");
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    // A session ends, on every instance at its next request, when its user is deleted or disabled, or changed in any way
    // (password, role, owner): each change raises the stored session version, and the cookie carries the version it was
    // made with. Nothing is cached: one primary-key read per cookie request, so a disabled user is out at once.
    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var user = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive || !context.Principal!.Matches(user) || UserClaims.SessionVersionOf(context.Properties) != user.SessionVersion)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Signs the user in with a session cookie that carries their current session version.</summary>
    public static Task SignInWithCookieAsync(this HttpContext context, Application.Users.UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var principal = UserClaims.PrincipalOf(user, CookieAuthenticationDefaults.AuthenticationScheme);
        context.User = principal;
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, UserClaims.SessionProperties(user));
    }

    /// <summary>The antiforgery check: a request that changes something and is signed in by cookie must carry the
    /// token from GET /api/me (or the sign-in answer) in <see cref="AntiforgeryHeader"/>. Bearer-token requests
    /// carry no ambient credential, so they need none.</summary>
    public static void UseCookieAntiforgery(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            var changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
            if (changes && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme })
            {
                var antiforgery = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await TypedResults.Problem(
                        title: "The antiforgery token is missing or not valid.",
                        detail: $"Send the csrf_token of GET /api/me in the {AntiforgeryHeader} header.",
                        statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
    }
}
