using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Credit;

/// <summary>The granted limits read in bulk, and assess using the effective limit on T instead of the imported one.</summary>
public sealed class AssessGrantedLimitTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AllLimitGrants_AreEveryCustomersGrants_OrOneCustomers(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", creditLimit: 5_000m);
        await store.ImportCustomerAsync("C2");
        await store.ImportCustomerAsync("C3", creditLimit: 1_000m);
        var a = (await store.GrantAsync("C1", 20_000m)).Grant;
        var b = (await store.GrantAsync("C2", 8_000m)).Grant;
        var c = (await store.GrantAsync("C1", 30_000m, from: "2026-12-01", until: "2026-12-31", temporary: true)).Grant;

        var all = await store.Credit.ReadAllLimitGrantsAsync();
        var one = await store.Credit.ReadAllLimitGrantsAsync("C1");
        var none = await store.Credit.ReadAllLimitGrantsAsync("C3");

        Assert.Equal([a, c, b], all.OrderBy(g => g.CustomerId, StringComparer.Ordinal).ThenBy(g => g.Id));
        Assert.Equal([a, c], one);
        Assert.Empty(none);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Assess_UsesTheEffectiveLimitOnT_ForCreditLimitAndUtilisation(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 4_000m, creditLimit: 5_000m);
        await store.ImportCustomerAsync("C2", openInvoice: 4_000m, creditLimit: 5_000m);
        await store.ImportCustomerAsync("C3", openInvoice: 4_000m);
        await store.GrantAsync("C1", 20_000m, from: "2026-11-01");
        await store.GrantAsync("C1", 40_000m, from: "2026-11-01", until: "2026-11-29", temporary: true);
        await store.GrantAsync("C3", 8_000m, from: "2026-12-01");

        var withGrants = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(Today, Save: false), store.Ledgers, CreditPolicy.Default,
            store.Clock, null, CancellationToken.None, null, store.Credit);
        var importedOnly = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(Today, Save: false), store.Ledgers, CreditPolicy.Default,
            store.Clock, null, CancellationToken.None);
        var single = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(Today, "C1", Save: false), store.Ledgers, CreditPolicy.Default,
            store.Clock, null, CancellationToken.None, null, store.Credit);

        var limits = withGrants.Customers.ToDictionary(x => x.CustomerId, x => (x.CreditLimit, x.Utilisation));
        // C1: the standing grant (the temporary one ended the day before T); C2: imported; C3: granted only from December.
        Assert.Equal((20_000m, 0.2m), (limits["C1"].CreditLimit!.Value, limits["C1"].Utilisation!.Value));
        Assert.Equal((5_000m, 0.8m), (limits["C2"].CreditLimit!.Value, limits["C2"].Utilisation!.Value));
        Assert.Equal(((decimal?)null, (decimal?)null), limits["C3"]);
        Assert.Equal((5_000m, 0.8m), (importedOnly.Customers[0].CreditLimit!.Value, importedOnly.Customers[0].Utilisation!.Value));
        Assert.Equal(20_000m, Assert.Single(single.Customers).CreditLimit);
    }
}
