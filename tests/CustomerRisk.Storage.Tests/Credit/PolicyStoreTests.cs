using CustomerRisk.Application.Credit;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

public sealed class PolicyStoreTests
{
    private static string Stricter => PolicyLoader.DefaultPolicyText()
        .Replace("over_limit_tolerance: 0.10", "over_limit_tolerance: 0", StringComparison.Ordinal);

    private static Task<LoadPolicyResult> LoadAsync(CreditTestStore store, string text, string name = "stricter.yaml") =>
        LoadPolicy.HandleAsync(new LoadPolicyRequest(text, name, "Maria Credit"), store.Credit, store.Clock, CancellationToken.None);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task LoadedPolicy_BecomesActive_AndPastDecisionsKeepTheirVersion(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1");
        await store.GrantAsync("C1", 10_000m);
        var before = await store.CheckAsync("C1", 10_500m, "SO-1");

        var loaded = await LoadAsync(store, Stricter);
        var after = await store.CheckAsync("C1", 10_500m, "SO-2");
        var past = await ShowPolicy.HandleAsync(before.PolicyVersion, store.Credit, store.Clock, CancellationToken.None);

        Assert.Equal(("review", CreditPolicy.Default.Version), (before.Decision, before.PolicyVersion));
        Assert.Equal(("block", loaded.Stored.Version), (after.Decision, after.PolicyVersion));
        Assert.Equal(CreditPolicy.Default.Version, loaded.PreviousVersion);
        Assert.Equal(PolicyLoader.DefaultPolicyText(), past.Text);
        Assert.Equal(ActivePolicy.BuiltInLoader, past.LoadedBy);
        Assert.Equal([false, true], (await store.Credit.ListPoliciesAsync()).Select(p => p.Active));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task BadPolicy_IsRefusedWithItsLine_AndNothingChanges(string provider)
    {
        await using var store = await CreateAsync(provider);
        var bad = PolicyLoader.DefaultPolicyText().Replace("limit_factor: 1.5", "limit_factor: -1.5", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<PolicyLoadException>(() => LoadAsync(store, bad, "bad.yaml"));

        Assert.Contains("bad.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("may not be negative", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Credit.ListPoliciesAsync());
        Assert.Empty(await store.Credit.ListAuditAsync(null, 10));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task LoadingTheActiveTextAgain_ChangesNothing_AndAnEarlierTextIsReactivated(string provider)
    {
        await using var store = await CreateAsync(provider);
        var first = await LoadAsync(store, Stricter);
        var again = await LoadAsync(store, Stricter);
        await LoadAsync(store, PolicyLoader.DefaultPolicyText(), "default.yaml");
        var back = await LoadAsync(store, Stricter);

        Assert.Equal(first.Stored.Id, again.Stored.Id);
        Assert.Equal(first.Stored.Id, back.Stored.Id);
        Assert.Equal(2, (await store.Credit.ListPoliciesAsync()).Count);
        Assert.Equal(3, (await store.Credit.ListAuditAsync(null, 10)).Count(a => a.Action == "policy.load"));
        Assert.True((await store.VerifyAsync()).Intact);
    }
}
