using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Storage.Credit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>The append-only audit trail: its records filtered and paged, and the verification of its hash chain, by the
/// same use cases as `crisk audit list` and `crisk audit verify`. For admins and credit managers only: the trail shows
/// every customer's limits and decisions and who made them.</summary>
public static class AuditApi
{
    /// <summary>The roles that may read the audit trail.</summary>
    public static readonly string[] Roles = [UserRoles.Admin, UserRoles.CreditManager];

    public static void MapAuditApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The roles are given here rather than as a named policy, so this area stays one file.
        var audit = app.MapGroup("/api/audit").WithTags("Audit")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(Roles));
        audit.MapGet("/", ListAsync)
            .WithSummary("Audit records, newest first: customer, kind (an action or its family), user, from/to (yyyy-MM-dd, UTC), page, page_size.");
        audit.MapGet("/verify", VerifyAsync).WithSummary("Walks the hash chain and reports the first broken record.");
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(StoreLocation location, TimeProvider clock,
        CancellationToken cancellationToken, string? customer = null, string? kind = null, string? user = null,
        string? from = null, string? to = null, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? fromDate = null, toDate = null;
        if (from is not null)
        {
            if (PortfolioApi.TryParseDate(from, out var d))
            {
                fromDate = d;
            }
            else
            {
                errors["from"] = ["from is a date: yyyy-MM-dd."];
            }
        }

        if (to is not null)
        {
            if (PortfolioApi.TryParseDate(to, out var d))
            {
                toDate = d;
            }
            else
            {
                errors["to"] = ["to is a date: yyyy-MM-dd."];
            }
        }

        var query = new AuditQuery { CustomerId = customer, Kind = kind, Actor = user, From = fromDate, To = toDate, Page = page, PageSize = pageSize };
        if (errors.Count == 0 && ListAuditTrail.Problem(query) is { } problem)
        {
            errors["query"] = [problem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var trail = CreditStoreFactory.Open(location.Db, clock);
        return TypedResults.Ok(await ListAuditTrail.HandleAsync(query, trail, cancellationToken));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var trail = CreditStoreFactory.Open(location.Db, clock);
        return TypedResults.Ok(await VerifyAuditTrail.HandleAsync(trail, cancellationToken));
    }
}
