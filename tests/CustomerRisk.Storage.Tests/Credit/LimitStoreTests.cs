using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Credit;

public sealed class LimitStoreTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TemporaryLimit_AppliesThroughItsLastDay_ThenTheStandingOneAgain(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", creditLimit: 5_000m);
        await store.GrantAsync("C1", 20_000m, from: "2026-11-01");
        await store.GrantAsync("C1", 50_000m, from: "2026-12-01", until: "2026-12-31", temporary: true);

        var november = await store.CheckAsync("C1", 30_000m, "A", D("2026-11-30"));
        var lastDay = await store.CheckAsync("C1", 30_000m, "B", D("2026-12-31"));
        var dayAfter = await store.CheckAsync("C1", 1_000m, "C", D("2027-01-01"));

        Assert.Equal(("block", 20_000m, "granted"), (november.Decision, november.Limit!.Value, november.LimitSource));
        Assert.Equal(("approve", 50_000m, "temporary"), (lastDay.Decision, lastDay.Limit!.Value, lastDay.LimitSource));
        // B (30,000) was approved and still counts: 31,000 against 20,000 blocks.
        Assert.Equal(("block", 20_000m, "granted"), (dayAfter.Decision, dayAfter.Limit!.Value, dayAfter.LimitSource));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Grants_AreKeptAsHistory_WithApproverReasonAndAudit(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", creditLimit: 5_000m);

        var first = await store.GrantAsync("C1", 20_000m);
        var second = await store.GrantAsync("C1", 15_000m, from: "2026-11-15");
        var history = await store.Credit.ReadLimitGrantsAsync("C1");
        var audit = await store.Credit.ListAuditAsync("C1", 10);

        Assert.Equal([first.Grant, second.Grant], history);
        Assert.Equal(("Maria Credit", "annual review", LimitKind.Standing), (history[1].Approver, history[1].Reason, history[1].Kind));
        Assert.Equal((LimitSource.Imported, 5_000m), (first.Before.Source, first.Before.Amount!.Value));
        Assert.Equal((20_000m, 15_000m), (second.Before.Amount!.Value, second.After.Amount!.Value));
        Assert.Equal(["limit.grant", "limit.grant"], audit.Select(a => a.Action));
        Assert.Contains("\"effective_limit\":20000", audit[0].Before, StringComparison.Ordinal);
        Assert.Contains("\"recommended_limit\":10000", audit[0].After, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TemporaryLimitWithoutAnEnd_IsRefused_AndNothingIsStored(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1");

        var error = await Assert.ThrowsAsync<CreditRequestException>(() => store.GrantAsync("C1", 1_000m, temporary: true));

        Assert.Contains("--until", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Credit.ReadLimitGrantsAsync("C1"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ShowLimits_GivesTheEffectiveLimitTheRecommendationAndTheHistory(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1");
        await store.GrantAsync("C1", 20_000m);

        var limits = await ShowLimits.HandleAsync(new ShowLimitsRequest("C1", Today), store.Ledgers, store.Credit, store.Clock,
            CancellationToken.None);

        Assert.Equal((20_000m, LimitSource.Granted), (limits.Effective.Amount!.Value, limits.Effective.Source));
        Assert.Equal("N", limits.Grade);
        Assert.Equal(10_000m, limits.Recommended.Limit);
        Assert.Single(limits.Grants);
    }
}
