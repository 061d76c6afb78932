using CustomerRisk.Application.Ports;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Credit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerRisk.Server.Hosting;

/// <summary>The store behind the API: one store object per request (scoped), opened on the database named by
/// <c>--db</c>; migrations applied once when the server starts.</summary>
public static class StoreServices
{
    public static void AddRiskStore(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StoreLocation>();
        services.AddScoped<IRiskStore>(sp => RiskStoreFactory.Open(sp.GetRequiredService<StoreLocation>().Db, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IApiTokenAuthenticator>(sp => ServerStores.OpenTokenAuthenticator(sp.GetRequiredService<StoreLocation>().Db));
        services.AddScoped<IUserStore>(sp => ServerStores.OpenUsers(sp.GetRequiredService<StoreLocation>().Db, sp.GetRequiredService<TimeProvider>()));
        // One credit store for the process: it is thread-safe and keeps the prepared write path of order checks.
        services.AddSingleton<ICreditStore>(sp => CreditStoreFactory.Open(sp.GetRequiredService<StoreLocation>().Db, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ICustomerDirectory>(sp => ServerStores.OpenCustomers(sp.GetRequiredService<StoreLocation>().Db));
        services.AddMemoryCache(o => o.SizeLimit = 32);
        services.AddHostedService<StoreMigration>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    /// <summary>Applies pending migrations before the server takes requests (EF Core takes a lock, so instances
    /// starting together on one PostgreSQL do not race).</summary>
    private sealed class StoreMigration(StoreLocation location, TimeProvider clock, ILogger<StoreMigration> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var store = await RiskStoreFactory.OpenMigratedAsync(location.Db, clock, cancellationToken);
            logger.LogInformation("Store ready ({Provider}).", store.Provider);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class DatabaseHealthCheck(ICustomerDirectory directory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await directory.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
