using System.Globalization;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerRisk.Server.Apis;

/// <summary>The portfolio overview: the figures of `crisk portfolio`, computed from the ledger as of a date (the latest
/// saved assessment's date unless asked), with the concentration curve and the money by grade for the charts. The
/// figures are kept in this instance's memory until the data changes (an import or an assessment run).</summary>
public static class PortfolioApi
{
    /// <summary>Exposure and expected loss of the customers of one grade.</summary>
    public sealed record GradeMoney(string Grade, int Customers, decimal Exposure, decimal ExpectedLoss);

    /// <summary>The portfolio overview.</summary>
    public sealed record PortfolioView(PortfolioReport Portfolio, string PolicyVersion, IReadOnlyList<GradeMoney> ByGrade,
        IReadOnlyList<ConcentrationCurve.Point> Concentration);

    public static void MapPortfolioApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/portfolio").WithTags("Portfolio").RequireAuthorization(Policies.Portfolio)
            .MapGet("/", GetAsync)
            .WithSummary("Portfolio figures as of a date (as_of=yyyy-MM-dd; default the latest saved assessment's date, else today).");
    }

    private static async Task<Results<Ok<PortfolioView>, ValidationProblem>> GetAsync(IRiskStore store, ICustomerDirectory directory,
        StoreLocation location, TimeProvider clock, IMemoryCache cache, CancellationToken cancellationToken,
        [FromQuery(Name = "as_of")] string? asOf = null)
    {
        DateOnly date;
        if (asOf is not null)
        {
            if (!TryParseDate(asOf, out date))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["as_of"] = ["as_of is a date: yyyy-MM-dd."] });
            }
        }
        else
        {
            date = (await directory.LatestRunAsync(cancellationToken))?.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }

        // The same inputs as `crisk portfolio` (AssessFromStore): policy, model, granted limits, last reviews, covers.
        await using var sources = await AssessSources.OpenAsync(location, clock, cancellationToken);
        var inputs = sources.Inputs;
        // The figures are a function of the date, the policy, the model, the ledger and the credit decisions. The
        // ledger's version and the newest audited grant, review, cover or policy load are read on every request, so an
        // import, a run or a decision on any instance is seen at once and the cache is never stale; order checks and
        // sign-ins move the audit chain but not these figures, and leave the cache in place.
        var decisions = await inputs.Credit.ReadNewestSeqAsync(AssessFromStore.DecisionActions, cancellationToken);
        var key = (nameof(PortfolioView), date, inputs.Policy.Version, inputs.ScoreModel?.Name, await directory.DataVersionAsync(cancellationToken),
            decisions);
        if (cache.TryGetValue(key, out PortfolioView? cached) && cached is not null)
        {
            return TypedResults.Ok(cached);
        }

        var result = await AssessFromStore.HandleAsync(new AssessPortfolioRequest(date, Save: false), store, inputs, clock, null, cancellationToken);
        var byGrade = result.Customers.GroupBy(c => c.Grade).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GradeMoney(g.Key, g.Count(), g.Sum(c => c.Exposure), g.Sum(c => c.ExpectedLoss)))
            .ToArray();
        var view = new PortfolioView(result.Portfolio, result.Run.PolicyVersion, byGrade,
            ConcentrationCurve.Of(result.Customers.Select(c => c.Exposure)));
        cache.Set(key, view, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return TypedResults.Ok(view);
    }

    /// <summary>Parses yyyy-MM-dd, years 1900–2200 (a wider range is a typing mistake, not a date to compute at).</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1900 and <= 2200;
}
