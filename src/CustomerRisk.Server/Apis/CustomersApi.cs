using System.Security.Claims;
using System.Text.Json;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Customers;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>The customer list and the customer 360, from the saved assessments. A sales user sees only customers whose
/// sales_owner is theirs: any other customer answers 404, exactly as one that does not exist.</summary>
public static class CustomersApi
{
    /// <summary>How many past assessments the trend shows.</summary>
    public const int TrendPoints = 36;

    /// <summary>One past assessment of a customer, for the trend chart.</summary>
    public sealed record TrendPoint(DateOnly AsOf, string Grade, int? CreditScore, decimal? Pd, decimal OpenAr, decimal OverdueAr,
        decimal Exposure, decimal? Dso, decimal? ExpectedLoss);

    /// <summary>Everything about one customer: master data, the latest saved assessment (indicators, grade and
    /// components, score and reasons, limits, aging, alerts), the trend over past assessments (oldest first), and the
    /// alerts, reviews and collections the user's role may read.</summary>
    public sealed record Customer360(CustomerProfile Customer, CustomerAssessment? Assessment, IReadOnlyList<TrendPoint> Trend,
        CustomerOperations Operations);

    public static void MapCustomersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", SearchAsync).WithSummary("Customers with their latest saved assessment: search, filter, page.");
        customers.MapGet("/filters", FiltersAsync).WithSummary("The regions and sales owners to filter by.");
        customers.MapGet("/{customerId}", GetAsync).WithSummary("The customer 360.");
    }

    private static async Task<Results<Ok<CustomerPage>, ValidationProblem>> SearchAsync(
        ClaimsPrincipal user, ICustomerDirectory directory, CancellationToken cancellationToken,
        [FromQuery(Name = "q")] string? text = null, string? grade = null, string? region = null, string? owner = null,
        int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50, string? sort = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (grade is not null && grade is not ("A" or "B" or "C" or "D" or "N"))
        {
            errors["grade"] = ["A grade is one of A, B, C, D, N."];
        }

        if (page is < 1 or > 1_000_000)
        {
            errors["page"] = ["page is 1 or more."];
        }

        if (pageSize is < 1 or > 500)
        {
            errors["page_size"] = ["page_size is 1–500."];
        }

        if (text is { Length: > 200 } || region is { Length: > 200 } || owner is { Length: > 200 })
        {
            errors["q"] = ["Search and filter values have at most 200 characters."];
        }

        CustomerSort order = CustomerSort.ExpectedLoss;
        if (sort is not null && !SortNames.TryGetValue(sort, out order))
        {
            errors["sort"] = [$"sort is one of {string.Join(", ", SortNames.Keys)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = user.OwnerScope();
        var result = await directory.SearchAsync(new CustomerSearch
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Grade = grade,
            Region = string.IsNullOrEmpty(region) ? null : region,
            // A sales user's own owner replaces whatever they asked for.
            SalesOwner = scope ?? (string.IsNullOrEmpty(owner) ? null : owner),
            Page = page,
            PageSize = pageSize,
            Sort = order,
        }, cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<FilterValues>> FiltersAsync(ClaimsPrincipal user, ICustomerDirectory directory,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.FilterValuesAsync(user.OwnerScope(), cancellationToken));

    private static async Task<Results<Ok<Customer360>, ProblemHttpResult>> GetAsync(string customerId, ClaimsPrincipal user,
        ICustomerDirectory directory, StoreLocation location, CancellationToken cancellationToken)
    {
        var profile = customerId.Length > 200 ? null : await directory.FindAsync(customerId, cancellationToken);
        var scope = user.OwnerScope();
        if (profile is null || (scope is not null && profile.SalesOwner != scope))
        {
            return TypedResults.Problem(title: "No such customer.", detail: $"There is no customer '{Clip(customerId)}' you can see.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var history = await directory.HistoryAsync(customerId, TrendPoints, cancellationToken);
        var latest = history.Count > 0 ? JsonSerializer.Deserialize<CustomerAssessment>(history[0].Details, AssessPortfolio.Json) : null;
        var trend = history.Reverse()
            .Select(h => new TrendPoint(h.AsOf, h.Grade.ToString(), h.CreditScore, h.Pd, h.OpenAr, h.OverdueAr, h.Exposure, h.Dso, h.ExpectedLoss))
            .ToArray();
        return TypedResults.Ok(new Customer360(profile, latest, trend, await CustomerOperations.ReadAsync(customerId, user, location.Db, cancellationToken)));
    }

    private static readonly Dictionary<string, CustomerSort> SortNames = new(StringComparer.Ordinal)
    {
        ["expected_loss"] = CustomerSort.ExpectedLoss,
        ["customer_id"] = CustomerSort.CustomerId,
        ["credit_score"] = CustomerSort.CreditScore,
        ["overdue_ar"] = CustomerSort.OverdueAr,
        ["exposure"] = CustomerSort.Exposure,
    };

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
