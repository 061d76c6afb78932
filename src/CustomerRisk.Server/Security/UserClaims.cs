using System.Globalization;
using System.Security.Claims;
using CustomerRisk.Application.Users;
using Microsoft.AspNetCore.Authentication;

namespace CustomerRisk.Server.Security;

/// <summary>The claims of a signed-in user: name, role and, for sales, the sales owner they see.</summary>
public static class UserClaims
{
    /// <summary>The claim holding a sales user's customers.sales_owner value.</summary>
    public const string SalesOwner = "crisk:sales_owner";

    /// <summary>The session cookie's property that holds the user's session version when the cookie was made. It is a
    /// property of the cookie, not a claim, so the antiforgery token (bound to the claims) outlives a password change.</summary>
    public const string SessionVersion = "crisk.session_version";

    /// <summary>The cookie properties of a new session of <paramref name="user"/>.</summary>
    public static AuthenticationProperties SessionProperties(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuthenticationProperties(new Dictionary<string, string?>
        {
            [SessionVersion] = user.SessionVersion.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>The session version a cookie was made with; null when it has none (made before versions existed).</summary>
    public static int? SessionVersionOf(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(SessionVersion, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public static ClaimsPrincipal PrincipalOf(UserAccount user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role.ToCode()),
        };
        if (user.SalesOwner is { } owner)
        {
            claims.Add(new Claim(SalesOwner, owner));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The sales owner whose customers alone this user may see, or null when the user sees every customer.
    /// A sales user with no owner sees no customer (an owner that matches nothing).</summary>
    public static string? OwnerScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(UserRoles.Sales) ? user.FindFirstValue(SalesOwner) ?? "\0none" : null;
    }

    /// <summary>True when the claims still say what the stored user says (role and owner unchanged).</summary>
    public static bool Matches(this ClaimsPrincipal principal, UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(user);
        return principal.Identity?.Name == user.UserName
               && principal.FindFirstValue(ClaimTypes.Role) == user.Role.ToCode()
               && principal.FindFirstValue(SalesOwner) == user.SalesOwner;
    }
}
