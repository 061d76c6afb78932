using CustomerRisk.Application.Customers;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

/// <summary>The stores the server reads through EF Core: users and tokens, and the customer directory over saved
/// assessments, on both providers.</summary>
public sealed class ServerStoresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Migration_CreatesTheUsersAndTokensTables(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);

        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM users"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM api_tokens"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261130000040_Users'"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Users_AddFindListAndTokens(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var users = ServerStores.OpenUsers(test.Db);
        var sam = new UserAccount { UserName = "sam", PasswordHash = "pbkdf2-sha256$600000$x$y", Role = UserRole.Sales, SalesOwner = "anna.berg", CreatedAt = Now };
        var ada = sam with { UserName = "ada", Role = UserRole.Admin, SalesOwner = null };

        Assert.True(await users.AddAsync(sam));
        Assert.True(await users.AddAsync(ada));
        Assert.False(await users.AddAsync(sam with { Role = UserRole.Admin }));
        await users.AddTokenAsync(new ApiTokenRecord { TokenHash = new string('a', 64), UserName = "sam", Label = "erp", CreatedAt = Now });

        Assert.Equal(sam, await users.FindAsync("sam"));
        Assert.Null(await users.FindAsync("SAM"));
        Assert.Equal(sam, await users.FindByTokenAsync(new string('a', 64), Now));
        Assert.Null(await users.FindByTokenAsync(new string('b', 64), Now));
        Assert.Equal(["ada", "sam"], (await users.ListAsync()).Select(u => u.UserName));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Directory_ListsEachCustomersLatestAssessment_FiltersAndPages(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await ImportCustomersAsync(test.Store);
        var march = Run("2026-03-31");
        var june = Run("2026-06-30");
        var juneAgain = Run("2026-06-30");
        await test.Store.SaveAssessmentsAsync(march, [Record(march, "C1", Grade.A, 10m), Record(march, "C2", Grade.A, 20m), Record(march, "C3", Grade.B, 30m)]);
        await test.Store.SaveAssessmentsAsync(june, [Record(june, "C1", Grade.C, 100m), Record(june, "C2", Grade.B, 200m)]);
        // The same date saved again: the later save is the latest.
        await test.Store.SaveAssessmentsAsync(juneAgain, [Record(juneAgain, "C2", Grade.D, 250m)]);
        await using var directory = ServerStores.OpenCustomers(test.Db);

        var all = await directory.SearchAsync(new CustomerSearch { Sort = CustomerSort.CustomerId });
        var byLoss = await directory.SearchAsync(new CustomerSearch());
        var gradeD = await directory.SearchAsync(new CustomerSearch { Grade = "D" });
        var owner = await directory.SearchAsync(new CustomerSearch { SalesOwner = "zoe", Sort = CustomerSort.CustomerId });
        var text = await directory.SearchAsync(new CustomerSearch { Text = "beta" });
        var id = await directory.SearchAsync(new CustomerSearch { Text = "c3" });
        var page2 = await directory.SearchAsync(new CustomerSearch { Sort = CustomerSort.CustomerId, Page = 2, PageSize = 2 });

        Assert.Equal(["C1", "C2", "C3", "C4"], all.Items.Select(i => i.CustomerId));
        Assert.Equal(["C", "D", "B", null], all.Items.Select(i => i.Grade));
        Assert.Equal([D("2026-06-30"), D("2026-06-30"), D("2026-03-31"), null], all.Items.Select(i => i.AsOf));
        Assert.Equal(250m, all.Items[1].OpenAr);
        // Expected loss is the open AR / 10 here: largest first, never-assessed last.
        Assert.Equal(["C2", "C1", "C3", "C4"], byLoss.Items.Select(i => i.CustomerId));
        Assert.Equal(["C2"], gradeD.Items.Select(i => i.CustomerId));
        Assert.Equal(["C2", "C4"], owner.Items.Select(i => i.CustomerId));
        Assert.Equal(["C2"], text.Items.Select(i => i.CustomerId));
        Assert.Equal(["C3"], id.Items.Select(i => i.CustomerId));
        Assert.Equal(4, page2.Total);
        Assert.Equal(["C3", "C4"], page2.Items.Select(i => i.CustomerId));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Directory_HistoryProfileLatestRunAndFilterValues(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var directory = ServerStores.OpenCustomers(test.Db);
        var empty = await directory.DataVersionAsync();
        await ImportCustomersAsync(test.Store);
        var imported = await directory.DataVersionAsync();
        var march = Run("2026-03-31");
        var june = Run("2026-06-30");
        await test.Store.SaveAssessmentsAsync(march, [Record(march, "C1", Grade.A, 10m)]);
        await test.Store.SaveAssessmentsAsync(june, [Record(june, "C1", Grade.C, 100m)]);
        var assessed = await directory.DataVersionAsync();

        var history = await directory.HistoryAsync("C1", 10);
        var lastOne = await directory.HistoryAsync("C1", 1);
        var profile = await directory.FindAsync("C2");
        var run = await directory.LatestRunAsync();
        var values = await directory.FilterValuesAsync(null);
        var zoes = await directory.FilterValuesAsync("zoe");

        Assert.Equal([Grade.C, Grade.A], history.Select(h => h.Grade));
        Assert.Equal(Grade.C, Assert.Single(lastOne).Grade);
        Assert.Equal(("Beta Ltd", "zoe", "South"), (profile!.Name, profile.SalesOwner, profile.Region));
        Assert.Null(await directory.FindAsync("nobody"));
        Assert.Equal(june.RunId, run!.RunId);
        Assert.Equal(["North", "South"], values.Regions);
        Assert.Equal(["anna", "zoe"], values.SalesOwners);
        Assert.Equal(["zoe"], zoes.SalesOwners);
        Assert.True(await directory.CanConnectAsync());
        Assert.Equal(3, new[] { empty, imported, assessed }.Distinct().Count());
        Assert.Equal(assessed, await directory.DataVersionAsync());
    }

    private static async Task ImportCustomersAsync(IRiskStore store)
    {
        await using var session = await store.BeginImportAsync();
        await session.UpsertCustomersAsync(
        [
            Customer("C1", "Alpha AG") with { Region = "North", SalesOwner = "anna" },
            Customer("C2", "Beta Ltd") with { Region = "South", SalesOwner = "zoe" },
            Customer("C3", "Gamma SA") with { Region = "North", SalesOwner = "anna" },
            Customer("C4", "Delta Inc") with { Region = "North", SalesOwner = "zoe" },
        ]);
        await session.CommitAsync();
    }

    private static AssessmentRun Run(string asOf) => new()
    {
        RunId = Guid.NewGuid(), AsOf = D(asOf), CreatedAt = Now, PolicyVersion = "p", ScoreModel = "expert_scorecard",
    };

    private static AssessmentRecord Record(AssessmentRun run, string customer, Grade grade, decimal openAr) => new()
    {
        CustomerId = customer, AsOf = run.AsOf, RunId = run.RunId, Grade = grade, CreditScore = 600, Pd = 0.01m,
        OpenAr = openAr, OverdueAr = 0m, Exposure = openAr, Dso = 30m, ExpectedLoss = openAr / 10m, Details = "{}",
    };
}
