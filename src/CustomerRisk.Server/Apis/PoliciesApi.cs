using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using CustomerRisk.Storage.Credit;
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
            .MapGet("/active", GetAsync)
            .WithSummary("The policy the server assesses with: the --policy file it was started with, else the active stored policy.");
    }

    private static async Task<Ok<ActivePolicy>> GetAsync(StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (location.PolicyFile is not null)
        {
            var file = location.Policy;
            return TypedResults.Ok(new ActivePolicy(file.Version, file.DeclaredVersion, file.Fingerprint, file.SourceName, file.Currency,
                location.PolicyText));
        }

        // As POST /api/assess and GET /api/portfolio decide (AssessFromStore): the policy loaded last, else the built-in one.
        await using var credit = CreditStoreFactory.Open(location.Db, clock);
        var (policy, _) = await Application.Credit.ActivePolicy.ResolveAsync(credit, clock, cancellationToken);
        var stored = await credit.ReadActivePolicyAsync(withText: true, cancellationToken);
        return TypedResults.Ok(new ActivePolicy(policy.Version, policy.DeclaredVersion, policy.Fingerprint, policy.SourceName, policy.Currency,
            stored?.Text ?? location.PolicyText));
    }
}
