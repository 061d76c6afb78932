using CustomerRisk.Server.Apis;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;

namespace CustomerRisk.Server;

/// <summary>The server's composition root, shared by Program (dotnet run, the tests) and `crisk serve`. Adding an
/// area of the API is one file in Apis/ and one Map line here.</summary>
public static class ServerApp
{
    /// <summary>The address the server listens on when no --urls is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the application. Settings: <c>--db</c> (SQLite file or PostgreSQL connection string; else
    /// $CRISK_DB, else customer-risk.db), <c>--urls</c>, <c>--policy</c> (a policy YAML file), <c>--models</c>
    /// (a folder of model files); any other ASP.NET Core setting from the command line or environment.</summary>
    public static WebApplication Create(string[] args)
    {
        // No watching of appsettings files for changes: the store usually sits in the content root, and its WAL writes
        // kept the file watcher busy (3–4% of the server's CPU under load). Settings are read once at start.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Per-request and per-SQL-command information logs cost time under load; warnings and errors remain.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.AddRiskStore();
        builder.AddProblemResponses();
        builder.AddSecurity();
        builder.AddApiDocuments();
        builder.AddBodyLimits();

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseProblemResponses();
        app.UseDashboardFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseBodyLimits();
        app.UseCookieAntiforgery();

        app.MapHealth();
        app.MapApiDocuments();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapImportApi();
        app.MapCustomersApi();
        app.MapPortfolioApi();
        app.MapAssessApi();
        app.MapModelsApi();
        app.MapPoliciesApi();
        app.MapAlertsApi();
        app.MapReviewsApi();
        app.MapCollectionsApi();
        app.MapAuditApi();
        app.MapReportsApi();
        app.MapOrdersApi();
        app.MapLimitsApi();
        app.MapCollateralApi();
        app.MapWebhooksApi();
        app.MapAccountApi();
        app.MapDashboard();
        return app;
    }
}
