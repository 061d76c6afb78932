using System.Security.Claims;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Storage.Operations;
using CustomerRisk.Storage.WorkQueues;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>Collections, as `crisk collections`, `crisk collections action|promise|evaluate`: admin, credit managers,
/// analysts and collectors read the worklist and a customer's actions and promises; admin, credit managers and
/// collectors record actions and promises (as the signed-in user) and evaluate promises.</summary>
public static class CollectionsApi
{
    /// <summary>An action to record: kind (call, email, letter, visit, agency), the day it was done (yyyy-MM-dd,
    /// default today) and a note.</summary>
    public sealed record ActionBody(string? Kind, string? ActionDate, string? Note);

    /// <summary>A promise to record: the amount (above 0), the promised date (yyyy-MM-dd), the day it was made
    /// (default today) and a note.</summary>
    public sealed record PromiseBody(decimal? Amount, string? PayBy, string? PromisedOn, string? Note);

    /// <summary>An evaluation of open promises as of a date (default today).</summary>
    public sealed record EvaluateBody(string? AsOf);

    /// <summary>A customer's collection actions (newest first) and promises to pay (by promised date).</summary>
    public sealed record CustomerCollections(IReadOnlyList<CollectionAction> Actions, IReadOnlyList<PaymentPromise> Promises);

    /// <summary>The worklist as of a date: overdue customers by expected loss on the overdue part.</summary>
    public sealed record Worklist(DateOnly AsOf, decimal OverdueAr, IReadOnlyList<WorklistRow> Items, int Total, int Page, int PageSize);

    public static void MapCollectionsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var collections = app.MapGroup("/api/collections").WithTags("Collections");
        collections.MapGet("/", WorklistAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.CollectionReaders))
            .WithSummary("The collection worklist as of a date (default today): overdue customers by overdue_ar × PD × LGD, then oldest days past due; paged.");
        collections.MapPost("/evaluate", EvaluateAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.CollectionWorkers))
            .WithSummary("Settle open promises from the payments as of a date: kept, or broken.");

        var customer = app.MapGroup("/api/customers/{customerId}/collections").WithTags("Collections");
        customer.MapGet("/", ForCustomerAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.CollectionReaders))
            .WithSummary("The customer's collection actions and promises to pay.");
        customer.MapPost("/actions", RecordActionAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.CollectionWorkers))
            .WithSummary("Record a collection action by the signed-in user (a call or visit also counts as a behaviour record).");
        customer.MapPost("/promises", RecordPromiseAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.CollectionWorkers))
            .WithSummary("Record a promise to pay, taken by the signed-in user.");
    }

    private static async Task<Results<Ok<Worklist>, ValidationProblem>> WorklistAsync(StoreLocation location, TimeProvider clock,
        CancellationToken cancellationToken, [FromQuery(Name = "as_of")] string? asOf = null, int page = 1,
        [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(asOf, "as_of", clock, errors);
        OperationsAccess.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Kept in the store and paged there (WorklistQueue): the rows of CollectionWorklist, with the last action and
        // open promise of the page's customers read live.
        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        await using var kept = WorkQueueStoreFactory.Open(location.Db);
        var one = await WorklistQueue.HandleAsync(date, page, pageSize, store, kept, location.Policy, clock, cancellationToken);
        return OperationsAccess.Json(new Worklist(date, one.OverdueAr, one.Items, one.Total, page, pageSize));
    }

    private static async Task<Results<Ok<EvaluatePromisesResult>, ValidationProblem>> EvaluateAsync(EvaluateBody? body,
        ClaimsPrincipal user, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(body?.AsOf, "as_of", clock, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        return OperationsAccess.Json(await EvaluatePromises.HandleAsync(date, store, clock, OperationsAccess.NameOf(user), cancellationToken));
    }

    private static async Task<Results<Ok<CustomerCollections>, ProblemHttpResult>> ForCustomerAsync(string customerId,
        ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, CancellationToken cancellationToken)
    {
        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db);
        return OperationsAccess.Json(await ReadAsync(store, customerId, cancellationToken));
    }

    /// <summary>A customer's actions and promises, for this endpoint and the customer 360.</summary>
    public static async Task<CustomerCollections> ReadAsync(IOperationsStore store, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new CustomerCollections(await store.ReadActionsAsync(customerId, cancellationToken),
            await store.ReadPromisesAsync(customerId, null, cancellationToken));
    }

    private static async Task<Results<Created<RecordCollectionActionResult>, ValidationProblem, ProblemHttpResult>> RecordActionAsync(
        string customerId, ActionBody? body, ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OperationCodes.TryParse<CollectionActionKind>(body?.Kind, out _))
        {
            errors["kind"] = [$"kind is one of {string.Join(", ", OperationCodes.CodesOf<CollectionActionKind>())}."];
        }

        var date = OperationsAccess.DateOrToday(body?.ActionDate, "action_date", clock, errors);
        OperationsAccess.CheckText(body?.Note, "note", errors);
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
            var result = await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest(customerId, body!.Kind!, date,
                OperationsAccess.NameOf(user), body.Note), store, clock, cancellationToken);
            return OperationsAccess.CreatedJson(result, $"/api/customers/{Uri.EscapeDataString(customerId)}/collections");
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static async Task<Results<Created<RecordPromiseResult>, ValidationProblem, ProblemHttpResult>> RecordPromiseAsync(
        string customerId, PromiseBody? body, ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.Amount is not (> 0m and <= 1_000_000_000_000m))
        {
            errors["amount"] = ["amount is above 0 (at most 10^12)."];
        }

        var payBy = default(DateOnly);
        if (string.IsNullOrEmpty(body?.PayBy))
        {
            errors["pay_by"] = ["pay_by is required: the promised date, yyyy-MM-dd."];
        }
        else
        {
            payBy = OperationsAccess.DateOrToday(body.PayBy, "pay_by", clock, errors);
        }

        var promisedOn = OperationsAccess.DateOrToday(body?.PromisedOn, "promised_on", clock, errors);
        OperationsAccess.CheckText(body?.Note, "note", errors);
        if (errors.Count == 0 && payBy < promisedOn)
        {
            errors["pay_by"] = [$"pay_by {payBy:yyyy-MM-dd} is before the day the promise was made ({promisedOn:yyyy-MM-dd})."];
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
            var result = await RecordPromise.HandleAsync(new RecordPromiseRequest(customerId, body!.Amount!.Value, payBy, promisedOn,
                OperationsAccess.NameOf(user), body.Note), store, clock, cancellationToken);
            return OperationsAccess.CreatedJson(result, $"/api/customers/{Uri.EscapeDataString(customerId)}/collections");
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }
}
