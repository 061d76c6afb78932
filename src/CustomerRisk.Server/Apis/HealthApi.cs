using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CustomerRisk.Server.Apis;

/// <summary>/health/live (the process answers) and /health/ready (the database answers); open without sign-in, for
/// load balancers and orchestrators.</summary>
public static class HealthApi
{
    public static void MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}
