namespace CustomerRisk.Application.Users;

/// <summary>The codes of <see cref="UserRole"/> as stored and as written on the command line and in the API.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string CreditManager = "credit_manager";
    public const string Analyst = "analyst";
    public const string Collector = "collector";
    public const string Sales = "sales";

    /// <summary>Every role code, in the order of <see cref="UserRole"/>.</summary>
    public static IReadOnlyList<string> AllCodes { get; } = [Admin, CreditManager, Analyst, Collector, Sales];

    /// <summary>The code of a role.</summary>
    public static string ToCode(this UserRole role) => AllCodes[(int)role];

    /// <summary>Parses a role code (exact, lower case).</summary>
    public static bool TryParse(string? code, out UserRole role)
    {
        for (var i = 0; i < AllCodes.Count; i++)
        {
            if (string.Equals(AllCodes[i], code, StringComparison.Ordinal))
            {
                role = (UserRole)i;
                return true;
            }
        }

        role = default;
        return false;
    }
}
