using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Demo;
using CustomerRisk.Application.Import;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Users;
using CustomerRisk.Policy;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Operations;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerRisk.Server.Tests;

/// <summary>A store with a generated portfolio of 120 customers assessed at two dates (with their alerts opened and one
/// review recorded), one user per role, and the server on it with a signed-in client per role. Built once per test
/// class that uses it.</summary>
public class ServerFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";
    public const string SalesOwner = "anna.berg";
    public static readonly DateOnly AsOf = new(2026, 6, 30);
    public static readonly DateOnly EarlierAsOf = new(2026, 3, 31);

    /// <summary>Every role, and the user name of its test user.</summary>
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        [UserRoles.Admin] = "ada",
        [UserRoles.CreditManager] = "carl",
        [UserRoles.Analyst] = "ana",
        [UserRoles.Collector] = "cole",
        [UserRoles.Sales] = "sam",
    };

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly ConcurrentQueue<long> _openAlerts = new();
    private readonly string? _postgresServer;
    private string? _postgresDatabase;

    public ServerFixture()
        : this(postgres: false)
    {
    }

    protected ServerFixture(bool postgres)
    {
        _postgresServer = postgres ? Environment.GetEnvironmentVariable("CRISK_TEST_PG") : null;
        Available = !postgres || !string.IsNullOrWhiteSpace(_postgresServer);
        Folder = Path.Combine(Path.GetTempPath(), "crisk-server-tests", Guid.NewGuid().ToString("N"));
    }

    public string Folder { get; }

    /// <summary>False for the PostgreSQL fixture when CRISK_TEST_PG is not set (its tests are skipped).</summary>
    public bool Available { get; }

    public string Db { get; private set; } = "";

    public ServerFactory Factory { get; private set; } = null!;

    /// <summary>The API token of the analyst.</summary>
    public string AnalystToken { get; private set; } = "";

    /// <summary>The review recorded when the store was built.</summary>
    public long ReviewId { get; private set; }

    /// <summary>A customer with imported expert scores (Delphi rounds).</summary>
    public string DelphiCustomer { get; private set; } = "";

    /// <summary>An alert of one of the sales test user's customers.</summary>
    public long SalesOwnerAlert { get; private set; }

    /// <summary>An alert of a customer of another owner than the sales test user's.</summary>
    public long OtherOwnerAlert { get; private set; }

    /// <summary>A customer of another owner than the sales test user's.</summary>
    public string OtherOwnerCustomer { get; private set; } = "";

    /// <summary>An open alert nobody has used yet, for a test that acknowledges or resolves one (each call gives
    /// another), or 0 when none is left.</summary>
    public long NextOpenAlert() => _openAlerts.TryDequeue(out var id) ? id : 0;

    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        if (_postgresServer is null)
        {
            Db = Path.Combine(Folder, "store.db");
        }
        else
        {
            _postgresDatabase = $"crisk_srv_{Guid.NewGuid():N}";
            await using (var connection = new Npgsql.NpgsqlConnection(_postgresServer))
            {
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
                await create.ExecuteNonQueryAsync();
            }

            Db = new Npgsql.NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ToString();
        }

        var demo = Path.Combine(Folder, "demo");
        await DemoPortfolio.HandleAsync(new DemoPortfolioRequest { OutFolder = demo, Customers = 120, Seed = 7, AsOf = AsOf }, null, default);
        await using (var store = await RiskStoreFactory.OpenMigratedAsync(Db, Clock))
        {
            await ImportLedger.HandleAsync(new ImportLedgerRequest([demo], null, Path.Combine(Folder, "rejects")), store, null, default);
            await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(EarlierAsOf), store, CreditPolicy.Default, Clock, null, default);
            await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(AsOf), store, CreditPolicy.Default, Clock, null, default);
        }

        await using (var operations = OperationsStoreFactory.Open(Db, Clock))
        {
            // As `crisk alerts sync` after the two runs: the alerts of the latest assessment are open.
            await SyncSavedAlerts.HandleAsync(AsOf, operations, CreditPolicy.Default, Clock);
            var alerts = await operations.ReadAlertsAsync(AlertStatus.Open, null);
            var customers = await operations.ReadCustomersAsync(null);
            var owners = customers.ToDictionary(c => c.CustomerId, c => c.SalesOwner, StringComparer.Ordinal);
            SalesOwnerAlert = alerts.First(a => owners[a.CustomerId] == SalesOwner).AlertId;
            OtherOwnerAlert = alerts.First(a => owners[a.CustomerId] != SalesOwner).AlertId;
            OtherOwnerCustomer = customers.First(c => c.SalesOwner != SalesOwner).CustomerId;
            // The two kept aside above are never handed out to be acknowledged or resolved.
            foreach (var id in alerts.Select(a => a.AlertId).Where(id => id != SalesOwnerAlert && id != OtherOwnerAlert).Order())
            {
                _openAlerts.Enqueue(id);
            }

            foreach (var customer in customers)
            {
                if ((await operations.ReadExpertScoresAsync(customer.CustomerId)).Count > 0)
                {
                    DelphiCustomer = customer.CustomerId;
                    break;
                }
            }

            await using var credit = CreditStoreFactory.Open(Db, Clock);
            ReviewId = (await RecordReview.HandleAsync(new RecordReviewRequest(customers[0].CustomerId, "keep", "fixture review", Users[UserRoles.CreditManager],
                AsOf), operations, credit, CreditPolicy.Default, Clock)).Review.ReviewId;
        }

        // The user changes are audited, stamped by the fixture's clock like the records before them.
        await using (var users = ServerStores.OpenUsers(Db, Clock))
        {
            foreach (var (role, name) in Users)
            {
                await AddUser.HandleAsync(new AddUserRequest(name, role, role == UserRoles.Sales ? SalesOwner : null, Password), users, Clock, default);
            }

            AnalystToken = (await IssueApiToken.HandleAsync(new IssueApiTokenRequest(Users[UserRoles.Analyst], "tests", ExpiresInDays: 0), users, Clock, default)).Token;
        }

        await AuditTrailSample.AppendAsync(Db, Clock);
        await ModelSample.RegisterAsync(Db, Clock);
        Factory = new ServerFactory(Db);
        foreach (var (role, name) in Users)
        {
            _clients[role] = await SignedInClientAsync(Factory, name, Password);
        }
    }

    /// <summary>A client signed in by cookie as the role's test user, sending its antiforgery token.</summary>
    public HttpClient ClientFor(string role) => _clients[role];

    /// <summary>A client with no session.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInClientAsync(ServerFactory factory, string name, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = name, password });
        response.EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", me.RootElement.GetProperty("csrf_token").GetString());
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }

        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>The same, on the PostgreSQL server of CRISK_TEST_PG (only built when that is set).</summary>
public sealed class PostgresServerFixture() : ServerFixture(postgres: true);

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
