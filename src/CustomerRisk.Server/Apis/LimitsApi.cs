using System.Security.Claims;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>Granted credit limits, as `crisk limits show|grant`: admin, credit managers and analysts read a customer's
/// limits and the history of its grants; admin and credit managers grant one, the approver being the signed-in user.
/// A grant is audited (<c>limit.grant</c>, with the effective limit before and after) in the same transaction.</summary>
public static class LimitsApi
{
    /// <summary>Read a customer's limits and grants: the roles that read credit decisions.</summary>
    public static readonly string[] Readers = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst];

    /// <summary>Grant a limit (a credit decision).</summary>
    public static readonly string[] Granters = [UserRoles.Admin, UserRoles.CreditManager];

    /// <summary>The largest limit accepted, in the portfolio currency.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>A limit to grant: the amount (0 or more, portfolio currency), why, the first day it applies
    /// (yyyy-MM-dd, default today), the last day (required for a temporary limit) and whether it is temporary (a
    /// temporary limit replaces the standing one while valid and then expires by itself).</summary>
    public sealed record GrantBody(decimal? Amount, string? Reason, string? ValidFrom, string? ValidTo, bool? Temporary);

    /// <summary>One grant of the history; <c>applies_on</c> says whether it is valid on the as-of date of the view.</summary>
    public sealed record GrantView(long GrantId, decimal Amount, LimitKind Kind, DateOnly ValidFrom, DateOnly? ValidTo, string Approver,
        string Reason, long? ReviewId, DateTimeOffset GrantedAt, bool AppliesOn);

    /// <summary>A customer's limits as of a date (the JSON of <c>crisk limits show --format json</c>, with the grants'
    /// review and whether each applies): the effective limit (null when none) and its <c>source</c> (<c>none</c>,
    /// <c>imported</c>, <c>granted</c>, <c>temporary</c>), the recommended limit with its calculation, and every
    /// grant, oldest first.</summary>
    public sealed record LimitsView(string CustomerId, DateOnly AsOf, string Grade, decimal? EffectiveLimit, string Source,
        long? EffectiveGrantId, decimal? ImportedCreditLimit, decimal RecommendedLimit, IReadOnlyList<string> CalculationLog,
        IReadOnlyList<GrantView> Grants);

    /// <summary>A grant as stored, the effective limit on its first day before and after it, and the recommended
    /// limit it was made beside.</summary>
    public sealed record GrantAnswer(GrantView Grant, decimal? EffectiveBefore, string SourceBefore, decimal? EffectiveAfter, string SourceAfter,
        decimal RecommendedLimit);

    public static void MapLimitsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limits = app.MapGroup("/api/customers/{customerId}/limits").WithTags("Limits");
        limits.MapGet("/", ShowAsync).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The customer's effective limit as of a date (default today) and where it comes from, the recommended limit with its calculation, and every grant.");
        limits.MapPost("/", GrantAsync).RequireAuthorization(p => p.RequireRole(Granters))
            .WithSummary("Grant the customer a limit (standing, or temporary with its last day) approved by the signed-in user; audited.");
    }

    private static async Task<Results<Ok<LimitsView>, ValidationProblem, ProblemHttpResult>> ShowAsync(string customerId, ClaimsPrincipal user,
        ICustomerDirectory directory, IRiskStore ledgers, ICreditStore credit, TimeProvider clock, CancellationToken cancellationToken,
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

        try
        {
            var limits = await ShowLimits.HandleAsync(new ShowLimitsRequest(customerId, date), ledgers, credit, clock, cancellationToken);
            return TypedResults.Ok(new LimitsView(limits.CustomerId, limits.AsOf, limits.Grade, limits.Effective.Amount, limits.Effective.SourceCode,
                limits.Effective.Grant?.Id, limits.ImportedCreditLimit, limits.Recommended.Limit,
                [.. limits.Recommended.Log.Select(s => s.ToString()), $"policy {limits.Recommended.PolicyVersion}"],
                limits.Grants.Select(g => ViewOf(g, date)).ToArray()));
        }
        catch (CreditRequestException refusal)
        {
            return Refused(customerId, refusal);
        }
    }

    private static async Task<Results<Created<GrantAnswer>, ValidationProblem, ProblemHttpResult>> GrantAsync(string customerId, GrantBody? body,
        ClaimsPrincipal user, ICustomerDirectory directory, IRiskStore ledgers, ICreditStore credit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.Amount is not (>= 0m and <= MaxAmount))
        {
            errors["amount"] = ["amount is required: 0 or more (at most 10^12), in the portfolio currency."];
        }

        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            errors["reason"] = ["reason is required: why the limit is granted."];
        }

        OperationsAccess.CheckText(body?.Reason, "reason", errors);
        var from = OperationsAccess.DateOrToday(body?.ValidFrom, "valid_from", clock, errors);
        DateOnly? to = string.IsNullOrEmpty(body?.ValidTo) ? null : OperationsAccess.DateOrToday(body.ValidTo, "valid_to", clock, errors);
        var temporary = body?.Temporary ?? false;
        if (temporary && to is null && !errors.ContainsKey("valid_to"))
        {
            errors["valid_to"] = ["valid_to is required for a temporary limit: the last day it applies."];
        }

        if (to is { } last && last < from && errors.Count == 0)
        {
            errors["valid_to"] = [$"valid_to {last:yyyy-MM-dd} is before valid_from {from:yyyy-MM-dd}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        try
        {
            var result = await GrantLimit.HandleAsync(new GrantLimitRequest(customerId, body!.Amount!.Value, OperationsAccess.NameOf(user),
                body.Reason!.Trim(), from, to, temporary), ledgers, credit, clock, cancellationToken);
            var answer = new GrantAnswer(ViewOf(result.Grant, from), result.Before.Amount, result.Before.SourceCode, result.After.Amount,
                result.After.SourceCode, result.Recommended.Limit);
            return TypedResults.Created($"/api/customers/{Uri.EscapeDataString(customerId)}/limits", answer);
        }
        catch (CreditRequestException refusal)
        {
            return Refused(customerId, refusal);
        }
    }

    private static GrantView ViewOf(LimitGrant g, DateOnly asOf) =>
        new(g.Id, g.Amount, g.Kind, g.ValidFrom, g.ValidTo, g.Approver, g.Reason, g.ReviewId, g.GrantedAt, g.IsValidOn(asOf));

    private static ProblemHttpResult Refused(string customerId, CreditRequestException refusal) => refusal.UnknownCustomer
        ? OperationsAccess.NoSuchCustomer(customerId)
        : TypedResults.Problem(title: "The request cannot be carried out.", detail: refusal.Message, statusCode: StatusCodes.Status400BadRequest);
}
