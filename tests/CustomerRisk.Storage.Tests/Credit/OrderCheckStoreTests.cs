using CustomerRisk.Application.Credit;
using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

public sealed class OrderCheckStoreTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task FiftyConcurrentChecks_ApproveNoMoreThanTheLimit(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 10_000m);
        await store.GrantAsync("C1", 100_000m);
        // Warm the figure cache, so that the 50 checks race on the decision alone.
        await ShowLimits.HandleAsync(new ShowLimitsRequest("C1", Today), store.Ledgers, store.Credit, store.Clock, CancellationToken.None);

        var checks = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Task.Run(() => store.CheckAsync("C1", 5_000m, $"SO-{i:00}"))));

        var approved = checks.Where(c => c.Decision == "approve").ToArray();
        // Open AR 10,000 leaves room for exactly 18 orders of 5,000 within 100,000; every later one sees 105,000.
        Assert.Equal(18, approved.Length);
        Assert.Equal(90_000m, approved.Sum(c => c.Amount));
        Assert.All(checks.Where(c => c.Decision != "approve"), c => Assert.Equal(105_000m, c.Exposure));
        Assert.Equal(50, await store.Test.CountAsync("SELECT count(*) FROM order_checks"));
        Assert.True((await store.VerifyAsync()).Intact);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ApprovedOrder_CountsAsOpenExposure_ForTheNextCheck(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 60_000m, creditLimit: null, Order("SO-IMP", "C1", 20_000m));
        await store.GrantAsync("C1", 100_000m);

        var first = await store.CheckAsync("C1", 20_000m, "SO-1");
        var second = await store.CheckAsync("C1", 0.01m, "SO-2");

        Assert.Equal(("approve", 100_000m, 100_000m), (first.Decision, first.Exposure, first.Limit!.Value));
        Assert.Equal((60_000m, 20_000m), (first.OpenAr, first.OpenOrders));
        Assert.Equal("review", second.Decision);
        Assert.Equal(40_000m, second.OpenOrders);
        Assert.Equal("review_over_limit", Assert.Single(second.Reasons).Rule);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task CheckingTheSameOrderAgain_ReplacesTheEarlierCheck(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1");
        await store.GrantAsync("C1", 50_000m);

        await store.CheckAsync("C1", 30_000m, "SO-1");
        var again = await store.CheckAsync("C1", 40_000m, "SO-1");

        Assert.Equal(("approve", 0m, 40_000m), (again.Decision, again.OpenOrders, again.Exposure));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ApprovedOrder_StopsCounting_WhenTheImportKnowsIt(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1");
        await store.GrantAsync("C1", 50_000m);
        await store.CheckAsync("C1", 30_000m, "SO-1");

        // The ERP invoiced it: the invoice now carries the exposure, the order no longer does.
        await store.ImportCustomerAsync("C1", openInvoice: 30_000m, creditLimit: null, Order("SO-1", "C1", 30_000m, OrderStatus.Invoiced));
        var next = await store.CheckAsync("C1", 10_000m, "SO-2");

        Assert.Equal((30_000m, 0m, 40_000m), (next.OpenAr, next.OpenOrders, next.Exposure));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EveryCheck_IsRecorded_WithReasonsFiguresAndPolicyVersion(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 1_000m);

        var check = await store.CheckAsync("C1", 500m, "SO-1");
        var recorded = Assert.Single(await store.Credit.ListOrderChecksAsync("C1", 10));

        Assert.Equal("review", check.Decision);
        Assert.Equal("review_no_limit", Assert.Single(check.Reasons).Rule);
        Assert.Equal(("none", (decimal?)null), (check.LimitSource, check.Limit));
        Assert.Equal(check, recorded with { Reasons = check.Reasons });
        Assert.Equal(check.Reasons, recorded.Reasons);
        Assert.Equal(Policy.CreditPolicy.Default.Version, recorded.PolicyVersion);
        var audit = (await store.Credit.ListAuditAsync("C1", 10)).First();
        Assert.Equal(("order.check", "order:SO-1"), (audit.Action, audit.Entity));
        Assert.Contains("\"decision\":\"review\"", audit.After, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task UnknownCustomer_IsRefused_AndNothingIsRecorded(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1");

        var error = await Assert.ThrowsAsync<CreditRequestException>(() => store.CheckAsync("C9", 100m));

        Assert.Contains("No customer 'C9'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.Test.CountAsync("SELECT count(*) FROM order_checks"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ImportedCreditLimit_IsTheLimit_WhenNoneIsGranted(string provider)
    {
        await using var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 0m, creditLimit: 8_000m);

        var check = await store.CheckAsync("C1", 8_000.01m);

        Assert.Equal(("review", "imported", 8_000m), (check.Decision, check.LimitSource, check.Limit!.Value));
    }
}
