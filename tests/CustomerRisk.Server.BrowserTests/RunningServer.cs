using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Demo;
using CustomerRisk.Application.Import;
using CustomerRisk.Application.Users;
using CustomerRisk.Policy;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Operations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>The real server on Kestrel, on a free loopback port, over a SQLite store holding a generated portfolio of
/// 80 customers assessed at two dates, with the alerts of the latest assessment open, and a credit manager, a sales
/// user and an administrator.</summary>
public sealed class RunningServer : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private WebApplication? _app;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "crisk-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The server's address, such as http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        var db = Path.Combine(Folder, "store.db");
        var demo = Path.Combine(Folder, "demo");
        var asOf = new DateOnly(2026, 6, 30);
        await DemoPortfolio.HandleAsync(new DemoPortfolioRequest { OutFolder = demo, Customers = 80, Seed = 11, AsOf = asOf }, null, default);
        await using (var store = await RiskStoreFactory.OpenMigratedAsync(db))
        {
            await ImportLedger.HandleAsync(new ImportLedgerRequest([demo], null, Path.Combine(Folder, "rejects")), store, null, default);
            await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(new DateOnly(2026, 3, 31)), store, CreditPolicy.Default, TimeProvider.System, null, default);
            await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(asOf), store, CreditPolicy.Default, TimeProvider.System, null, default);
        }

        // As `crisk alerts sync`: the alerts inbox has open alerts to acknowledge.
        await using (var operations = OperationsStoreFactory.Open(db))
        {
            await SyncSavedAlerts.HandleAsync(asOf, operations, CreditPolicy.Default, TimeProvider.System);
        }

        await using (var users = ServerStores.OpenUsers(db))
        {
            await AddUser.HandleAsync(new AddUserRequest("carl", UserRoles.CreditManager, null, Password), users, TimeProvider.System, default);
            await AddUser.HandleAsync(new AddUserRequest("sam", UserRoles.Sales, "anna.berg", Password), users, TimeProvider.System, default);
            await AddUser.HandleAsync(new AddUserRequest("ada", UserRoles.Admin, null, Password), users, TimeProvider.System, default);
        }

        await BrowserSamples.AddAsync(db);
        // Port 0: Kestrel picks a free port, read back from the server's addresses.
        _app = ServerApp.Create(["--db", db, "--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
