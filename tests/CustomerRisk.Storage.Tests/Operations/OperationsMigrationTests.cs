namespace CustomerRisk.Storage.Tests.Operations;

public sealed class OperationsMigrationTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Migrate_CreatesTheOperationsTables_Empty(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);

        foreach (var table in new[]
                 {
                     "alerts", "webhook_subscriptions", "webhook_deliveries", "webhook_attempts", "credit_reviews",
                     "collection_actions", "payment_promises", "collateral",
                 })
        {
            Assert.Equal(0, await test.CountAsync($"SELECT count(*) FROM {table}"));
        }

        Assert.Equal(1, await test.CountAsync(
            "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261130000020_AlertsReviewsCollections'"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TheStore_RefusesASecondActiveAlertForTheSameCustomerAndRule(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        const string insert = "INSERT INTO alerts (customer_id, rule_id, metric, value, severity, message, first_seen, last_seen, status) " +
                              "VALUES ('C1', 'dormant', 'dormant', 1, 'low', 'm', {0}, {0}, '{1}')";
        var day = provider == "sqlite" ? "740000" : "'2026-09-30'";

        await test.CountAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert + " RETURNING 1", day, "resolved"));
        await test.CountAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert + " RETURNING 1", day, "open"));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            test.CountAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert + " RETURNING 1", day, "acknowledged")));
        Assert.Equal(2, await test.CountAsync("SELECT count(*) FROM alerts"));
    }
}
