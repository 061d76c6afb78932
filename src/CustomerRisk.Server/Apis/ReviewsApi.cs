using System.Security.Claims;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Policy;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Operations;
using CustomerRisk.Storage.WorkQueues;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Apis;

/// <summary>Periodic reviews, as `crisk reviews [--due]`, `crisk reviews record|replay|delphi`: admin, credit managers
/// and analysts read; admin and credit managers record a review, as the signed-in user (the reviewer).</summary>
public static class ReviewsApi
{
    /// <summary>A review to record: decision (keep, raise_limit, lower_limit, change_terms, hold, release), reason,
    /// the date of the review (yyyy-MM-dd, default today), and the new limit or terms when the decision sets them.</summary>
    public sealed record RecordBody(string? Decision, string? Reason, string? ReviewedOn, decimal? NewLimit, int? NewTermsDays);

    public static void MapReviewsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var reviews = app.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization(p => p.RequireRole(OperationsAccess.ReviewReaders));
        reviews.MapGet("/due", DueAsync)
            .WithSummary("The review schedule as of a date (default today): only the due ones unless all=true; due first; paged.");
        reviews.MapGet("/{reviewId:long}", GetAsync).WithSummary("One recorded review with its snapshot and recommendation.");
        reviews.MapGet("/{reviewId:long}/replay", ReplayAsync)
            .WithSummary("Recompute a review's recommendation from its snapshot under the active policy; 409 when it was decided under another version.");

        var customer = app.MapGroup("/api/customers/{customerId}").WithTags("Reviews");
        customer.MapGet("/reviews", HistoryAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.ReviewReaders))
            .WithSummary("The customer's recorded reviews, newest first.");
        customer.MapGet("/reviews/recommendation", RecommendAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.ReviewReaders))
            .WithSummary("What the policy recommends for the customer's review on a date (default today): decision, limit and its change, terms, reasons, and the snapshot it is computed from; nothing is stored.");
        customer.MapPost("/reviews", RecordAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.ReviewDeciders))
            .WithSummary("Record a review of the customer as the signed-in user, with a snapshot of its inputs and the policy's recommendation.");
        customer.MapGet("/delphi", DelphiAsync).RequireAuthorization(p => p.RequireRole(OperationsAccess.ReviewReaders))
            .WithSummary("The customer's Delphi rounds: median and IQR per round and criterion, and convergence; 404 without expert scores.");
    }

    private static async Task<Results<Ok<ListPage<ReviewDueRow>>, ValidationProblem>> DueAsync(
        StoreLocation location, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery(Name = "as_of")] string? asOf = null, bool all = false, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(asOf, "as_of", clock, errors);
        OperationsAccess.CheckPaging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Kept in the store and paged there (ReviewQueue): the rows of ReviewsDue, computed again only when they change.
        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        await using var kept = WorkQueueStoreFactory.Open(location.Db);
        var one = await ReviewQueue.HandleAsync(new ReviewQueueRequest(date, DueOnly: !all, page, pageSize), store, kept, location.Policy, clock,
            cancellationToken);
        return OperationsAccess.Json(new ListPage<ReviewDueRow>(one.Items, one.Total, page, pageSize));
    }

    private static async Task<Results<Ok<CreditReview>, ProblemHttpResult>> GetAsync(long reviewId, StoreLocation location,
        CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db);
        var review = await store.ReadReviewAsync(reviewId, cancellationToken);
        return review is null
            ? TypedResults.Problem(title: "No such review.", detail: $"There is no review {reviewId}.", statusCode: StatusCodes.Status404NotFound)
            : OperationsAccess.Json(review);
    }

    private static async Task<Results<Ok<ReplayReviewResult>, ProblemHttpResult>> ReplayAsync(long reviewId, StoreLocation location,
        CancellationToken cancellationToken)
    {
        await using var store = OperationsStoreFactory.Open(location.Db);
        try
        {
            return OperationsAccess.Json(await ReplayReview.HandleAsync(reviewId, store, location.Policy, cancellationToken));
        }
        catch (OperationRefusedException refusal)
        {
            // Not "no such review", so decided under another policy version than the server's.
            return OperationsAccess.Refused(refusal, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<CreditReview>>, ProblemHttpResult>> HistoryAsync(string customerId,
        ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, CancellationToken cancellationToken)
    {
        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db);
        return OperationsAccess.Json(await store.ReadReviewsAsync(customerId, cancellationToken));
    }

    private static async Task<Results<Ok<ReviewAdvice>, ValidationProblem, ProblemHttpResult>> RecommendAsync(string customerId,
        ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery(Name = "reviewed_on")] string? reviewedOn = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = OperationsAccess.DateOrToday(reviewedOn, "reviewed_on", clock, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db, clock);
        await using var credit = CreditStoreFactory.Open(location.Db, clock);
        try
        {
            return OperationsAccess.Json(await RecommendReview.HandleAsync(new RecommendReviewRequest(customerId, date), store, credit, location.Policy,
                cancellationToken));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static async Task<Results<Created<RecordReviewResult>, ValidationProblem, ProblemHttpResult>> RecordAsync(string customerId,
        RecordBody? body, ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OperationCodes.TryParse<ReviewDecision>(body?.Decision, out _))
        {
            errors["decision"] = [$"decision is one of {string.Join(", ", OperationCodes.CodesOf<ReviewDecision>())}."];
        }

        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            errors["reason"] = ["reason is required."];
        }

        OperationsAccess.CheckText(body?.Reason, "reason", errors);
        var date = OperationsAccess.DateOrToday(body?.ReviewedOn, "reviewed_on", clock, errors);
        if (body?.NewLimit is < 0m or > 1_000_000_000_000m)
        {
            errors["new_limit"] = ["new_limit is 0 or more (at most 10^12)."];
        }

        if (body?.NewTermsDays is < 0 or > 3660)
        {
            errors["new_terms_days"] = ["new_terms_days is 0–3660."];
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
        // A review that raises or lowers the limit grants it, in the credit store, with its audit record.
        await using var credit = CreditStoreFactory.Open(location.Db, clock);
        try
        {
            var result = await RecordReview.HandleAsync(new RecordReviewRequest(customerId, body!.Decision!, body.Reason!, OperationsAccess.NameOf(user),
                date, body.NewLimit, body.NewTermsDays), store, credit, location.Policy, clock, cancellationToken);
            return OperationsAccess.CreatedJson(result, $"/api/reviews/{result.Review.ReviewId}");
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }

    private static async Task<Results<Ok<CustomerDelphiSummary>, ProblemHttpResult>> DelphiAsync(string customerId,
        ClaimsPrincipal user, ICustomerDirectory directory, StoreLocation location, CancellationToken cancellationToken)
    {
        if (!await user.CanSeeAsync(customerId, directory, cancellationToken))
        {
            return OperationsAccess.NoSuchCustomer(customerId);
        }

        await using var store = OperationsStoreFactory.Open(location.Db);
        try
        {
            return OperationsAccess.Json(await DelphiRounds.HandleAsync(customerId, store, cancellationToken));
        }
        catch (OperationRefusedException refusal)
        {
            return OperationsAccess.Refused(refusal);
        }
    }
}
