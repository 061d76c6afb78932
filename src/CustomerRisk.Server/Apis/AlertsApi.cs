using System.Security.Claims;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using CustomerRisk.Storage.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>The alert queue and its decisions, as `crisk alerts`, `crisk alerts ack|resolve|sync`: every role reads
/// (a sales user only their own customers' alerts, another owner's answering 404); admin and credit managers
/// acknowledge and resolve, as the signed-in user. A decision on an alert not in a state that allows it is 409.</summary>
public static class AlertsApi
{
    /// <summary>The body of an acknowledgement: what will be done (optional, up to 2,000 characters).</summary>
    public sealed record AcknowledgeBody(string? Note);

    /// <summary>The body of a resolution: why it is resolved (required, up to 2,000 characters).</summary>
    public sealed record ResolveBody(string? Note);

    /// <summary>The body of a synchronisation: as of (default today) and the cover-expiry warning in days (default 30).</summary>
    public sealed record SyncBody(string? AsOf, int? WarnDays);

    /// <summary>What a synchronisation changed.</summary>
    public sealed record SyncResult(DateOnly AsOf, int Opened, int Updated, int Resolved, int Unchanged, int DeliveriesQueued);

    private static readonly string[] Severities = ["low", "medium", "high", "extreme"];

    public static void MapAlertsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.AlertReaders))
            .WithSummary("The alert queue: filter by status (default open; all), severity, customer, rule; most severe first; paged.");
        alerts.MapGet("/{alertId:long}", GetAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.AlertReaders))
            .WithSummary("One alert.");
        alerts.MapPost("/{alertId:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.AlertDeciders))
            .WithSummary("Acknowledge an open alert as the signed-in user, with an optional note; 409 when it is not open.");
        alerts.MapPost("/{alertId:long}/resolve", ResolveAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.AlertDeciders))
            .WithSummary("Resolve an open or acknowledged alert as the signed-in user, with the reason; 409 when already resolved.");
        alerts.MapPost("/sync", SyncAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.AlertDeciders))
            .WithSummary("Bring the alerts up to date with the saved assessments (open, update, resolve); never duplicates.");
    }

    private static async Task<Results<Ok<ListPage<Alert>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, StoreLocation location, ICustomerDirectory directory, CancellationToken cancellationToken,
        string? status = null, string? severity = null, string? customer = null, string? rule = null,
        int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        AlertStatus? wanted = AlertStatus.Open;
        if (status is "all")
        {
            wanted = null;
        }
        else if (status is not null)
        {
            if (OperationCodes.TryParse<AlertStatus>(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = ["status is one of open, acknowledged, resolved, all."];
            }
        }

        if (severity is not null && !Severities.Contains(severity, StringComparer.Ordinal))
        {
            errors["severity"] = ["severity is one of low, medium, high, extreme."];
        }

        if (customer is { Length: > OperationsAccess.MaxCustomerId } || rule is { Length: > 200 })
        {
            errors["customer"] = ["customer and rule have at most 200 characters."];
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

        // Filtered, ordered and paged by the database, the sales owner scope included (docs/server.md).
        await using var store = OperationsStoreFactory.Open(location.Db);
        var found = await ListAlerts.PageAsync(new AlertQuery(wanted, customerId, severity, string.IsNullOrEmpty(rule) ? null : rule,
            user.OwnerScope(), page, pageSize), store, cancellationToken);
        return OperationsAccess.Json(new ListPage<Alert>(found.Items, found.Total, page, pageSize));
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> GetAsync(long alertId, ClaimsPrincipal user,
        StoreLocation location, ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db);
        var alert = await store.ReadAlertAsync(alertId, cancellationToken);
        // Another owner's alert answers as one that does not exist.
        return alert is not null && await user.CanSeeAsync(alert.CustomerId, directory, cancellationToken)
            ? OperationsAccess.Json(alert)
            : TypedResults.Problem(title: "No such alert.", detail: $"There is no alert {alertId} you can see.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AlertDecisionResult>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        long alertId, AcknowledgeBody? body, ClaimsPrincipal user, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        OperationsAccess.CheckText(body?.Note, "note", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            var result = await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(alertId, OperationsAccess.NameOf(user), body?.Note),
                store, clock, cancellationToken);
            return OperationsAccess.Json(result);
        }
        catch (OperationRefusedException refusal)
        {
            // The user is always named, so a refusal that is not "no such alert" is the alert's state.
            return OperationsAccess.Refused(refusal, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<AlertDecisionResult>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        long alertId, ResolveBody? body, ClaimsPrincipal user, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Note))
        {
            errors["note"] = ["note is required: why the alert is resolved."];
        }

        OperationsAccess.CheckText(body?.Note, "note", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            var result = await ResolveAlert.HandleAsync(new ResolveAlertRequest(alertId, OperationsAccess.NameOf(user), body!.Note!),
                store, clock, cancellationToken);
            return OperationsAccess.Json(result);
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<SyncResult>, ValidationProblem, ProblemHttpResult>> SyncAsync(SyncBody? body,
        StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(body?.AsOf, "as_of", clock, errors);
        var warnDays = body?.WarnDays ?? 30;
        if (warnDays is < 0 or > 3660)
        {
            errors["warn_days"] = ["warn_days is 0–3660."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        try
        {
            var result = await SyncSavedAlerts.HandleAsync(date, store, location.Policy, clock, warnDays, cancellationToken);
            return OperationsAccess.Json(new SyncResult(date, result.Opened, result.Updated, result.Resolved, result.Unchanged, result.DeliveriesQueued));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }
}
