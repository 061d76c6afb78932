using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>The active credit policy: its version and its YAML text.</summary>
public static class PoliciesApi
{
    /// <summary>The active policy.</summary>
    public sealed record ActivePolicy(string Version, string DeclaredVersion, string Fingerprint, string SourceName, string Currency, string Text);

    public static void MapPoliciesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/policies").WithTags("Policies").RequireAuthorization(Policies.PolicyText)
            .MapGet("/active", Get).WithSummary("The policy the server assesses with (set by --policy; else the built-in one).");
    }

    private static Ok<ActivePolicy> Get(StoreLocation location)
    {
        var policy = location.Policy;
        return TypedResults.Ok(new ActivePolicy(policy.Version, policy.DeclaredVersion, policy.Fingerprint, policy.SourceName,
            policy.Currency, location.PolicyText));
    }
}
