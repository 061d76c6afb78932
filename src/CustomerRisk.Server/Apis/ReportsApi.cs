using System.Security.Claims;
using System.Text;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Reports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerRisk.Server.Apis;

/// <summary>The customer risk report and the portfolio risk report (docs/reports.md) as the self-contained HTML page,
/// Markdown, or PDF printed by headless Chromium when it is installed. A report re-assesses the portfolio as of the
/// date (the latest saved assessment's date unless asked) and saves nothing; the assessment is kept in the instance's
/// memory per date, policy version, data version and newest credit decision, so later reports of that date (any customer's, and
/// the portfolio's) are built without assessing again. A sales user gets only their own customers' reports (404 for
/// any other, as for one that does not exist) and no portfolio report.</summary>
public static class ReportsApi
{
    /// <summary>The report formats: html (default), md, pdf.</summary>
    public static readonly string[] Formats = ["html", "md", "pdf"];

    /// <summary>The cache size of one kept assessment (the cache holds 32 units): at most two dates are kept at once,
    /// since a whole book's assessment holds every customer's figures.</summary>
    public const int BasisCacheSize = 12;

    public static void MapReportsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // One printer for the instance, so its limit on concurrent Chromium processes holds across requests.
        var printer = new ChromiumPdfPrinter(app.Configuration["Reports:ChromiumPath"],
            TimeSpan.FromSeconds(Math.Clamp(app.Configuration.GetValue("Reports:PdfTimeoutSeconds", 60), 5, 600)));
        var reports = app.MapGroup("/api/reports").WithTags("Reports");
        reports.MapGet("/customers/{customerId}", (string customerId, HttpContext http, ClaimsPrincipal user, IRiskStore store,
                    ICustomerDirectory directory, StoreLocation location, TimeProvider clock, IMemoryCache cache, ICreditStore credit,
                    CancellationToken cancellationToken, string? format, [FromQuery(Name = "as_of")] string? asOf) =>
                CustomerAsync(customerId, http, user, store, directory, location, clock, new BasisCache(cache, credit), printer, format, asOf,
                    cancellationToken))
            .WithSummary("The customer risk report: format=html (default), md or pdf; as_of=yyyy-MM-dd (default the latest saved assessment's date).");
        reports.MapGet("/portfolio", (HttpContext http, IRiskStore store, ICustomerDirectory directory, StoreLocation location,
                    TimeProvider clock, IMemoryCache cache, ICreditStore credit, CancellationToken cancellationToken, string? format,
                    [FromQuery(Name = "as_of")] string? asOf) =>
                PortfolioAsync(http, store, directory, location, clock, new BasisCache(cache, credit), printer, format, asOf, cancellationToken))
            .RequireAuthorization(Policies.Portfolio)
            .WithSummary("The portfolio risk report: format=html (default), md or pdf; as_of=yyyy-MM-dd.");
    }

    private static async Task<IResult> CustomerAsync(string customerId, HttpContext http, ClaimsPrincipal user, IRiskStore store,
        ICustomerDirectory directory, StoreLocation location, TimeProvider clock, BasisCache cache, ChromiumPdfPrinter printer, string? format,
        string? asOf, CancellationToken cancellationToken)
    {
        if (Refusal(format, asOf) is { } refused)
        {
            return refused;
        }

        var profile = customerId.Length > 200 ? null : await directory.FindAsync(customerId, cancellationToken);
        var scope = user.OwnerScope();
        if (profile is null || (scope is not null && profile.SalesOwner != scope))
        {
            return TypedResults.Problem(title: "No such customer.", detail: $"There is no customer '{Clip(customerId)}' you can see.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var date = await DateOfAsync(asOf, directory, clock, cancellationToken);
        var basis = await cache.BasisAsync(date, store, directory, location, clock, cancellationToken);
        if (BuildRiskReport.CustomerOf(basis, customerId, location.Policy) is not { } report)
        {
            // Known, but without a ledger as of the date: nothing to report on.
            return TypedResults.Problem(title: "No such customer.", detail: $"There is no customer '{Clip(customerId)}' you can see.",
                statusCode: StatusCodes.Status404NotFound);
        }

        return await RenderAsync(http, format, $"risk-report-{Safe(customerId)}-{date:yyyy-MM-dd}",
            () => HtmlReportWriter.Write(report), () => MarkdownReportWriter.Write(report), printer, cancellationToken);
    }

    private static async Task<IResult> PortfolioAsync(HttpContext http, IRiskStore store, ICustomerDirectory directory,
        StoreLocation location, TimeProvider clock, BasisCache cache, ChromiumPdfPrinter printer, string? format, string? asOf,
        CancellationToken cancellationToken)
    {
        if (Refusal(format, asOf) is { } refused)
        {
            return refused;
        }

        var date = await DateOfAsync(asOf, directory, clock, cancellationToken);
        var basis = await cache.BasisAsync(date, store, directory, location, clock, cancellationToken);
        return await RenderAsync(http, format, $"portfolio-risk-report-{date:yyyy-MM-dd}",
            () => HtmlReportWriter.Write(basis.Portfolio), () => MarkdownReportWriter.Write(basis.Portfolio), printer, cancellationToken);
    }

    private static IResult? Refusal(string? format, string? asOf)
    {
        var errors = new Dictionary<string, string[]>();
        if (format is not null && !Formats.Contains(format, StringComparer.Ordinal))
        {
            errors["format"] = [$"format is one of {string.Join(", ", Formats)}."];
        }

        if (asOf is not null && !PortfolioApi.TryParseDate(asOf, out _))
        {
            errors["as_of"] = ["as_of is a date: yyyy-MM-dd."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static async Task<DateOnly> DateOfAsync(string? asOf, ICustomerDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (asOf is not null && PortfolioApi.TryParseDate(asOf, out var date))
        {
            return date;
        }

        return (await directory.LatestRunAsync(cancellationToken))?.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, string? format, string fileName, Func<string> html,
        Func<string> markdown, ChromiumPdfPrinter printer, CancellationToken cancellationToken)
    {
        switch (format ?? "html")
        {
            case "md":
                http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}.md\"";
                return TypedResults.Text(markdown(), "text/markdown; charset=utf-8", Encoding.UTF8);
            case "pdf":
                byte[] pdf;
                try
                {
                    pdf = await printer.PrintAsync(html(), cancellationToken);
                }
                catch (PdfPrintException exception)
                {
                    return TypedResults.Problem(
                        title: exception.Unavailable ? "PDF printing is not available on this server." : "The PDF could not be printed.",
                        detail: exception.Message + " The report is available as format=html or format=md.",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}.pdf\"";
                return TypedResults.File(pdf, "application/pdf");
            default:
                return TypedResults.Text(html(), "text/html; charset=utf-8", Encoding.UTF8);
        }
    }

    /// <summary>The assessment behind the reports of a date, kept in the instance's memory. The key holds everything
    /// a report depends on that can change: the date, the policy version, the data's version (committed imports and
    /// runs, read on every request) and the newest audited decision that changes an assessment (a grant, review, cover
    /// or policy load: <see cref="AssessFromStore.DecisionActions"/>), so a change through any instance is seen at once
    /// and a report is never stale, while order checks and sign-ins, which move the audit chain but not the figures,
    /// leave the kept assessment in place.</summary>
    private sealed class BasisCache(IMemoryCache cache, ICreditStore credit)
    {
        public async Task<RiskReportBasis> BasisAsync(DateOnly date, IRiskStore store, ICustomerDirectory directory, StoreLocation location,
            TimeProvider clock, CancellationToken cancellationToken)
        {
            var decisions = await credit.ReadNewestSeqAsync(AssessFromStore.DecisionActions, cancellationToken);
            var key = (nameof(RiskReportBasis), date, location.Policy.Version, await directory.DataVersionAsync(cancellationToken), decisions);
            if (cache.TryGetValue(key, out RiskReportBasis? kept) && kept is not null)
            {
                return kept;
            }

            var basis = await BuildRiskReport.PrepareAsync(date, store, location.Policy, clock, null, cancellationToken);
            cache.Set(key, basis, new MemoryCacheEntryOptions { Size = BasisCacheSize, SlidingExpiration = TimeSpan.FromMinutes(10) });
            return basis;
        }
    }

    // A file name from a customer id: letters, digits, '-' and '_' only (an id may hold anything).
    private static string Safe(string id)
    {
        var safe = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return safe.Length <= 64 ? safe : safe[..64];
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
