using System.Security.Claims;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Storage.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>The register of guarantees and collateral (covers), as `crisk collateral list|add`: admin, credit managers
/// and analysts read it; admin and credit managers register a cover, as the signed-in user. A cover lowers the
/// customer's LGD from its first to its last valid day at every later assessment; registering it is audited
/// (<c>collateral.add</c>) in the same transaction.</summary>
public static class CollateralApi
{
    /// <summary>Read the register: the roles that read credit decisions.</summary>
    public static readonly string[] Readers = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst];

    /// <summary>Register a cover (a credit decision: it lowers expected loss).</summary>
    public static readonly string[] Registrars = [UserRoles.Admin, UserRoles.CreditManager];

    private static readonly string[] Statuses = ["not_yet_valid", "active", "expiring", "expired"];

    /// <summary>A cover to register: kind (guarantee, collateral, credit_insurance, deposit, letter_of_credit), value
    /// (above 0, portfolio currency), haircut (share not counted, 0–1, default 0), the first valid day (yyyy-MM-dd,
    /// default today), the expiry (last valid day; none when open-ended) and what it is.</summary>
    public sealed record NewCover(string? Kind, decimal? Value, decimal? Haircut, string? ValidFrom, string? Expiry, string? Description);

    /// <summary>One cover as of a date: its <c>status</c> (<c>not_yet_valid</c>, <c>active</c>, <c>expiring</c> —
    /// counts, expires within the warning days — or <c>expired</c>), the <c>counted_value</c> (value × (1 − haircut)
    /// while it counts, else 0) and the days to its expiry (null when open-ended).</summary>
    public sealed record CoverView(CollateralItem Item, string Status, decimal CountedValue, int? DaysToExpiry);

    /// <summary>A page of the register as of a date, with the counted value of the whole (filtered) register.</summary>
    public sealed record Register(DateOnly AsOf, decimal CountedValue, IReadOnlyList<CoverView> Items, int Total, int Page, int PageSize);

    public static void MapCollateralApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/collateral", RegisterAsync).WithTags("Collateral").RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The register of covers as of a date (default today): filter by customer and status (not_yet_valid, active, expiring, expired); by customer then id; paged.");
        var customer = app.MapGroup("/api/customers/{customerId}/collateral").WithTags("Collateral");
        customer.MapGet("/", ForCustomerAsync).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The customer's covers as of a date (default today), with status and counted value.");
        customer.MapPost("/", AddAsync).RequireAuthorization(p => p.RequireRole(Registrars))
            .WithSummary("Register a guarantee or collateral for the customer as the signed-in user; audited.");
    }

    private static async Task<Results<Ok<Register>, ValidationProblem, ProblemHttpResult>> RegisterAsync(ClaimsPrincipal user,
        ICustomerDirectory directory, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery(Name = "as_of")] string? asOf = null, string? customer = null, string? status = null,
        [FromQuery(Name = "warn_days")] int warnDays = 30, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(asOf, "as_of", clock, errors);
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors["status"] = [$"status is one of {string.Join(", ", Statuses)}."];
        }

        if (warnDays is < 0 or > 3660)
        {
            errors["warn_days"] = ["warn_days is 0–3660."];
        }

        OperationsAccess.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customerId = string.IsNullOrWhiteSpace(customer) ? null : customer.Trim();
        if (customerId is not null && !await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db);
        var rows = (await ListCollateral.HandleAsync(date, customerId, warnDays, store, cancellationToken))
            .Where(r => status is null || r.Status == status)
            .Select(ViewOf).ToArray();
        var one = OperationsAccess.PageOf(rows, page, pageSize);
        return TypedResults.Ok(new Register(date, rows.Sum(r => r.CountedValue), one.Items, one.Total, one.Page, one.PageSize));
    }

    private static async Task<Results<Ok<CoverView[]>, ValidationProblem, ProblemHttpResult>> ForCustomerAsync(string customerId,
        ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery(Name = "as_of")] string? asOf = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(asOf, "as_of", clock, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db);
        var rows = await ListCollateral.HandleAsync(date, customerId, 30, store, cancellationToken);
        return TypedResults.Ok(rows.Select(ViewOf).ToArray());
    }

    private static async Task<Results<Created<AddCollateralResult>, ValidationProblem, ProblemHttpResult>> AddAsync(string customerId, NewCover? body,
        ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OperationCodes.TryParse<CoverKind>(body?.Kind, out _))
        {
            errors["kind"] = [$"kind is one of {string.Join(", ", OperationCodes.CodesOf<CoverKind>())}."];
        }

        if (body?.Value is not (> 0m and <= LimitsApi.MaxAmount))
        {
            errors["value"] = ["value is required: above 0 (at most 10^12), in the portfolio currency."];
        }

        if (body?.Haircut is < 0m or > 1m)
        {
            errors["haircut"] = ["haircut is a share 0–1 (0.2 for 20%)."];
        }

        var from = OperationsAccess.DateOrToday(body?.ValidFrom, "valid_from", clock, errors);
        DateOnly? expiry = string.IsNullOrEmpty(body?.Expiry) ? null : OperationsAccess.DateOrToday(body.Expiry, "expiry", clock, errors);
        OperationsAccess.CheckText(body?.Description, "description", errors);
        if (expiry is { } last && last < from && errors.Count == 0)
        {
            errors["expiry"] = [$"expiry {last:yyyy-MM-dd} is before valid_from {from:yyyy-MM-dd}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            var result = await AddCollateral.HandleAsync(new AddCollateralRequest(customerId, body!.Kind!, body.Value!.Value, body.Haircut ?? 0m, from,
                expiry, body.Description, OperationsAccess.NameOf(user)), store, clock, cancellationToken);
            return OperationsAccess.CreatedJson(result, $"/api/customers/{Uri.EscapeDataString(customerId)}/collateral");
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static CoverView ViewOf(CollateralRow row) => new(row.Item, row.Status, row.CountedValue, row.DaysToExpiry);
}
