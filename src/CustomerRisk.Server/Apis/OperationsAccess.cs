using System.Security.Claims;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>What the alert, review and collection endpoints share: who may read and who may decide, the sales owner
/// scope, the JSON of the operations records (the same as <c>crisk … --format json</c>), and refusals as problems.</summary>
public static class OperationsAccess
{
    /// <summary>Read the alert queue: every role (a sales user only their own customers' alerts).</summary>
    public static readonly string[] AlertReaders =
        [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector, UserRoles.Sales];

    /// <summary>Acknowledge, resolve and synchronise alerts.</summary>
    public static readonly string[] AlertDeciders = [UserRoles.Admin, UserRoles.CreditManager];

    /// <summary>Read the review queue, a customer's reviews, a replay and the Delphi rounds.</summary>
    public static readonly string[] ReviewReaders = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst];

    /// <summary>Record a review (a credit decision).</summary>
    public static readonly string[] ReviewDeciders = [UserRoles.Admin, UserRoles.CreditManager];

    /// <summary>Read the collection worklist and a customer's actions and promises.</summary>
    public static readonly string[] CollectionReaders = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector];

    /// <summary>Record collection actions and promises to pay, and evaluate promises.</summary>
    public static readonly string[] CollectionWorkers = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Collector];

    /// <summary>Longest free text accepted in a note or reason, in characters.</summary>
    public const int MaxText = 2000;

    /// <summary>Longest customer id accepted in a path or filter, in characters.</summary>
    public const int MaxCustomerId = 200;

    /// <summary>True when the user holds one of the roles.</summary>
    public static bool IsIn(this ClaimsPrincipal user, string[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(user.IsInRole);
    }

    /// <summary>True when the customer exists and the user may see it (a sales user: only their owner's).</summary>
    public static async Task<bool> CanSeeAsync(this ClaimsPrincipal user, string? customerId, ICustomerDirectory directory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(directory);
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Length > MaxCustomerId)
        {
            return false;
        }

        var profile = await directory.FindAsync(customerId, cancellationToken);
        var scope = user.OwnerScope();
        return profile is not null && (scope is null || profile.SalesOwner == scope);
    }

    /// <summary>The signed-in user's name: who acknowledged, reviewed or acted.</summary>
    public static string NameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("A signed-in user has a name.");
    }

    /// <summary>An operations record as the answer, written with the server's JSON options, which write it exactly
    /// as the command line's <c>--format json</c> does (snake_case keys, enum values as codes such as
    /// <c>acknowledged</c> or <c>raise_limit</c>); the OpenAPI document describes it from the same options.</summary>
    public static Ok<T> Json<T>(T value) => TypedResults.Ok(value);

    /// <summary>A recorded operations record as a 201 answer, with where to read it again when it has its own address.</summary>
    public static Created<T> CreatedJson<T>(T value, string? location = null) => TypedResults.Created(location, value);

    /// <summary>404 for a customer that does not exist or that the user may not see, alike.</summary>
    public static ProblemHttpResult NoSuchCustomer(string customerId) =>
        TypedResults.Problem(title: "No such customer.", detail: $"There is no customer '{Clip(customerId)}' you can see.",
            statusCode: StatusCodes.Status404NotFound);

    /// <summary>A refused request as a problem: 404 when something named does not exist, else
    /// <paramref name="status"/> (400 for a bad request, 409 when the record is not in a state that allows it).</summary>
    public static ProblemHttpResult Refused(OperationRefusedException refusal, int status = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.NotFound
            ? TypedResults.Problem(title: "Not found.", detail: refusal.Message, statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Problem(title: "The request cannot be carried out.", detail: refusal.Message, statusCode: status);
    }

    /// <summary>One validation error as a problem with its field.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Checks page and page_size (1–500) and adds an error for each that is out of range.</summary>
    public static void CheckPaging(int page, int pageSize, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (page is < 1 or > 1_000_000)
        {
            errors["page"] = ["page is 1 or more."];
        }

        if (pageSize is < 1 or > 500)
        {
            errors["page_size"] = ["page_size is 1–500."];
        }
    }

    /// <summary>Parses an optional yyyy-MM-dd date (today when absent) or adds an error.</summary>
    public static DateOnly DateOrToday(string? text, string field, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }

        if (PortfolioApi.TryParseDate(text, out var date))
        {
            return date;
        }

        errors[field] = [$"{field} is a date: yyyy-MM-dd."];
        return default;
    }

    /// <summary>Adds an error when a free text is longer than <see cref="MaxText"/>.</summary>
    public static void CheckText(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is { Length: > MaxText })
        {
            errors[field] = [$"{field} has at most {MaxText} characters."];
        }
    }

    /// <summary>A page of rows.</summary>
    public static ListPage<T> PageOf<T>(IReadOnlyList<T> rows, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).ToArray();
        return new ListPage<T>(items, rows.Count, page, pageSize);
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
