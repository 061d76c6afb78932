using System.Security.Claims;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Security;

/// <summary>The claims of a signed-in user: name, role and, for sales, the sales owner they see.</summary>
public static class UserClaims
{
    /// <summary>The claim holding a sales user's customers.sales_owner value.</summary>
    public const string SalesOwner = "crisk:sales_owner";

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
