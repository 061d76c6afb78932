namespace CustomerRisk.Storage.Tests;

public sealed class MigrationTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Migrate_CreatesEveryTable_OnAFreshStore(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);

        foreach (var table in new[]
                 {
                     "customers", "invoices", "payments", "claims", "sales_orders", "interactions", "financials",
                     "expert_scores", "record_history", "import_runs", "assessment_runs", "assessments", "risk_models",
                     "policies", "credit_limits", "order_checks", "credit_figures", "audit_log", "alerts",
                     "webhook_subscriptions", "webhook_deliveries", "webhook_attempts", "credit_reviews",
                     "collection_actions", "payment_promises", "collateral", "users", "api_tokens",
                     "work_queue_heads", "work_queue_rows",
                 })
        {
            Assert.Equal(0, await test.CountAsync($"SELECT count(*) FROM {table}"));
        }

        // The audit chain starts from one genesis head (sequence 0, an all-zero hash).
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM audit_head WHERE seq = 0"));
        Assert.Equal(KnownMigrationCount(provider), await test.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Migrate_AgainAndOnReopen_ChangesNothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Rows.Customer("C1")]);
            await session.CommitAsync();
        }

        await test.Store.MigrateAsync();
        await test.ReopenAsync();
        await test.Store.MigrateAsync();

        Assert.Equal(KnownMigrationCount(provider), await test.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM customers"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Provider_NamesTheDatabaseKind(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider, migrate: false);

        Assert.Equal(provider, test.Store.Provider);
    }

    [Fact]
    public void Factory_TakesAConnectionStringWithHost_ForPostgres_AndAnythingElseForAFile()
    {
        Assert.True(RiskStoreFactory.IsPostgres("Host=db;Database=crisk;Username=crisk"));
        Assert.True(RiskStoreFactory.IsPostgres("host=db;database=crisk"));
        Assert.False(RiskStoreFactory.IsPostgres("customer-risk.db"));
        Assert.False(RiskStoreFactory.IsPostgres("/data/Hosts/customer-risk.db"));
        Assert.Throws<ArgumentException>(() => RiskStoreFactory.Open(" "));
    }

    [Fact]
    public async Task Migrate_CreatesTheSqliteFileAndItsFolder_OnFirstUse()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crisk-storage-tests", Guid.NewGuid().ToString("N"), "nested");
        var path = Path.Combine(folder, "risk.db");
        try
        {
            await using var store = await RiskStoreFactory.OpenMigratedAsync(path);

            Assert.True(File.Exists(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    // Every migration of the provider is applied once; features add migrations, so the count is not a constant.
    private static long KnownMigrationCount(string provider) => provider == "sqlite"
        ? Schema.KnownMigrations.Of<SqliteRiskDbContext>().Count
        : Schema.KnownMigrations.Of<PostgresRiskDbContext>().Count;
}
