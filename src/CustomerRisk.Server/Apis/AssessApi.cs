using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>Runs and saves an assessment of the whole portfolio, as `crisk assess` does.</summary>
public static class AssessApi
{
    /// <summary>The date to assess as of (yyyy-MM-dd); today when absent.</summary>
    public sealed record AssessRequest(string? AsOf);

    /// <summary>What the run saved.</summary>
    public sealed record AssessResult(Guid RunId, DateOnly AsOf, string PolicyVersion, int Customers,
        IReadOnlyDictionary<string, int> GradeCounts, decimal ExpectedLoss, int OpenAlerts);

    public static void MapAssessApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/assess").WithTags("Assessments").RequireAuthorization(Policies.Assess)
            .MapPost("/", RunAsync).WithSummary("Assesses every customer as of a date and saves the run.");
    }

    private static async Task<Results<Ok<AssessResult>, ValidationProblem>> RunAsync(AssessRequest? request, IRiskStore store,
        StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request?.AsOf is { } text && !PortfolioApi.TryParseDate(text, out date))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["as_of"] = ["as_of is a date: yyyy-MM-dd."] });
        }

        // Exactly as `crisk assess`: the same inputs (policy, model, grants, reviews, covers, expert scores), and the
        // run's alerts are synchronised (opened, updated, resolved, never duplicated).
        await using var sources = await AssessSources.OpenAsync(location, clock, cancellationToken);
        var result = await AssessFromStore.HandleAsync(new AssessPortfolioRequest(date), store, sources.Inputs, clock, null, cancellationToken);

        return TypedResults.Ok(new AssessResult(result.Run.RunId, result.Run.AsOf, result.Run.PolicyVersion, result.Customers.Count,
            result.Portfolio.GradeCounts, result.Portfolio.ExpectedLoss, result.Portfolio.OpenAlerts));
    }
}
