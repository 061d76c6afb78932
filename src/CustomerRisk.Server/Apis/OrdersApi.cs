using System.Security.Claims;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>The credit check of an order over HTTP: the same use case and the same JSON as <c>crisk check-order
/// --format json</c>. Every check is recorded with its reasons and audited, and an approved order counts as open
/// exposure at once. Sales users check orders of their own customers only (any other answers 404, as the customer API).</summary>
public static class OrdersApi
{
    /// <summary>The roles that may check an order: it records a credit decision and, when approved, adds exposure, so
    /// neither the analyst (who studies the book) nor the collector (who chases what is owed) may.</summary>
    public static readonly string[] CheckRoles = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Sales];

    /// <summary>Largest order amount accepted (the stores keep money as a 64-bit count of 1/10,000ths).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private static readonly DateOnly EarliestDate = new(1900, 1, 1);
    private static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <summary>The order to check: the options of <c>crisk check-order</c> as JSON keys.</summary>
    /// <param name="CustomerId">The ordering customer (<c>--customer</c>).</param>
    /// <param name="Amount">The order amount in the portfolio currency, above 0 (<c>--amount</c>).</param>
    /// <param name="OrderId">The ERP's order id (<c>--order-id</c>); checking the same id again replaces the earlier
    /// check; absent: a new <c>check-…</c> id.</param>
    /// <param name="AsOf">The order date the check is made as of (<c>--as-of</c>, yyyy-MM-dd); absent: today.</param>
    /// <param name="Currency">Optional ISO 4217 code; when given it must be the active policy's (portfolio) currency,
    /// since checks do not convert money.</param>
    public sealed record OrderCheckRequest(string? CustomerId, decimal? Amount, string? OrderId, DateOnly? AsOf, string? Currency);

    public static void MapOrdersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var orders = app.MapGroup("/api/orders").WithTags("Orders")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(CheckRoles));
        orders.MapPost("/check", CheckAsync)
            .WithSummary("The credit check of an order: approve, review or block with the reasons, exposure and limit; recorded and audited.");
    }

    private static async Task<Results<Ok<CheckOrderAnswer>, ProblemHttpResult, ValidationProblem>> CheckAsync(
        OrderCheckRequest request, HttpContext context, ClaimsPrincipal user, IRiskStore ledgers, ICreditStore credit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customerId = request.CustomerId!.Trim();
        if (user.OwnerScope() is { } scope)
        {
            // Resolved here, not injected: only a sales user's check needs the customer directory (an EF context).
            var directory = context.RequestServices.GetRequiredService<ICustomerDirectory>();
            var profile = await directory.FindAsync(customerId, cancellationToken);
            if (profile is null || profile.SalesOwner != scope)
            {
                return NotFound(customerId);
            }
        }

        if (request.Currency is { } currency)
        {
            var (policy, _) = await ActivePolicy.ResolveAsync(credit, clock, cancellationToken);
            if (!string.Equals(currency.Trim(), policy.Currency, StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["currency"] = [$"Orders are checked in the portfolio currency {policy.Currency}; convert the amount first."],
                });
            }
        }

        var asOf = request.AsOf ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        try
        {
            var record = await CheckOrder.HandleAsync(
                new CheckOrderRequest(customerId, request.Amount!.Value, asOf, request.OrderId?.Trim(), user.Identity?.Name ?? "server"),
                ledgers, credit, clock, cancellationToken);
            return TypedResults.Ok(CheckOrderAnswer.Of(record));
        }
        catch (CreditRequestException exception) when (exception.UnknownCustomer)
        {
            return NotFound(customerId);
        }
        catch (CreditRequestException exception)
        {
            return TypedResults.Problem(title: "The order cannot be checked.", detail: exception.Message,
                statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static Dictionary<string, string[]>? Validate(OrderCheckRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["Send {\"customer_id\", \"amount\"} and optionally \"order_id\", \"as_of\", \"currency\"."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(request.CustomerId) || request.CustomerId.Length > 200)
        {
            errors["customer_id"] = ["Name the customer (1–200 characters)."];
        }

        if (request.Amount is not { } amount || amount <= 0m || amount > MaxAmount)
        {
            errors["amount"] = ["The order amount is above 0 and at most 1,000,000,000,000."];
        }

        if (request.OrderId is { } orderId && (string.IsNullOrWhiteSpace(orderId) || orderId.Length > 200))
        {
            errors["order_id"] = ["An order id has 1–200 characters (leave it out to have one made up)."];
        }

        if (request.AsOf is { } asOf && (asOf < EarliestDate || asOf > LatestDate))
        {
            errors["as_of"] = ["The order date is between 1900-01-01 and 2999-12-31."];
        }

        if (request.Currency is { } currency && (currency.Trim().Length != 3 || !currency.Trim().All(char.IsAsciiLetter)))
        {
            errors["currency"] = ["A currency is a three-letter ISO 4217 code."];
        }

        return errors.Count > 0 ? errors : null;
    }

    private static ProblemHttpResult NotFound(string customerId) =>
        TypedResults.Problem(title: "No such customer.",
            detail: $"There is no customer '{(customerId.Length <= 64 ? customerId : customerId[..64] + "…")}' you can see.",
            statusCode: StatusCodes.Status404NotFound);
}
