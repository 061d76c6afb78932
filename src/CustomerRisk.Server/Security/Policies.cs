using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Security;

/// <summary>The authorization policies: which roles may use which area. Every endpoint without one still needs a
/// signed-in user (the fallback policy); only sign-in, health and the sign-in page's files are open.</summary>
public static class Policies
{
    /// <summary>Import ledger files.</summary>
    public const string Import = "import";

    /// <summary>Run and save an assessment; read models.</summary>
    public const string Assess = "assess";

    /// <summary>Read the portfolio's figures (every customer's money in one view).</summary>
    public const string Portfolio = "portfolio";

    /// <summary>Read the active policy.</summary>
    public const string PolicyText = "policy";

    /// <summary>Manage users and tokens.</summary>
    public const string Admin = "admin";

    /// <summary>The roles of each policy.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Import] = [UserRoles.Admin, UserRoles.CreditManager],
        [Assess] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        [Portfolio] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        [PolicyText] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        [Admin] = [UserRoles.Admin],
    };
}
