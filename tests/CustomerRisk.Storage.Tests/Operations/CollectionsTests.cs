using CustomerRisk.Analytics;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

public sealed class CollectionsTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Worklist_ListsOverdueCustomers_ByLossOnTheOverduePart_ThenByOldestDpd_WithCoverLoweringLgd(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("BIG"), Customer("OLD"), Customer("YOUNG"), Customer("COVERED"), Customer("CLEAN")]);
        await f.SaveAsync(
            Assessment("BIG", "2026-09-30", pd: 0.10m, overdue: 10_000m, exposure: 20_000m, oldestDpd: 10),
            Assessment("OLD", "2026-09-30", pd: 0.05m, overdue: 4_000m, exposure: 4_000m, oldestDpd: 70),
            Assessment("YOUNG", "2026-09-30", pd: 0.10m, overdue: 2_000m, exposure: 4_000m, oldestDpd: 20),
            Assessment("COVERED", "2026-09-30", pd: 0.10m, overdue: 10_000m, exposure: 20_000m, oldestDpd: 45),
            Assessment("CLEAN", "2026-09-30", pd: 0.50m, overdue: 0m, exposure: 50_000m));
        // Counted cover 10,000 of an exposure of 20,000 halves LGD: 0.45 → 0.225.
        await AddCollateral.HandleAsync(new AddCollateralRequest("COVERED", "deposit", 12_500m, 0.2m, D("2026-01-01"), null, null, "mei"), f.Operations, Clock);
        await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("OLD", "letter", D("2026-09-20"), "li", "formal notice"), f.Operations, Clock);
        await RecordPromise.HandleAsync(new RecordPromiseRequest("OLD", 1_000m, D("2026-10-10"), D("2026-09-25"), "li"), f.Operations, Clock);

        var rows = await CollectionWorklist.HandleAsync(D("2026-10-01"), f.Operations, CreditPolicy.Default);

        // Loss on overdue: BIG 10,000 × 0.10 × 0.45 = 450; COVERED 10,000 × 0.10 × 0.225 = 225; OLD 90; YOUNG 90.
        Assert.Equal(["BIG", "COVERED", "OLD", "YOUNG"], rows.Select(r => r.CustomerId));
        Assert.Equal([450m, 225m, 90m, 90m], rows.Select(r => r.LossOnOverdue));
        Assert.Equal((0.225m, "L3"), (rows[1].Lgd, rows[1].DunningLevel));
        Assert.Equal(("L4", "legal or agency", CollectionActionKind.Letter, 1_000m), (rows[2].DunningLevel, rows[2].DunningAction, rows[2].LastAction!.Kind, rows[2].OpenPromise!.Amount));
        Assert.Equal(("L2", "OLD Ltd"), (rows[3].DunningLevel, rows[2].Name));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Promises_AreKeptByCashInTheirWindow_BrokenAfterTheDate_AndABrokenOneFeedsBrokenPromises180d(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1")], payments:
        [
            Payment("P0", "C1", "2026-09-30", 900m),   // before the promise: does not count
            Payment("P1", "C1", "2026-10-03", 600m),
            Payment("P2", "C1", "2026-10-10", 400m),   // on the promised date: counts
            Payment("P3", "C1", "2026-10-14", 400m),  // in the second promise's window, short of 500
            Payment("P4", "C1", "2026-10-20", 100m),  // after it: too late
        ]);
        var kept = await RecordPromise.HandleAsync(new RecordPromiseRequest("C1", 1_000m, D("2026-10-10"), D("2026-10-01"), "li"), f.Operations, Clock);
        var broken = await RecordPromise.HandleAsync(new RecordPromiseRequest("C1", 500m, D("2026-10-15"), D("2026-10-12"), "li", "after the audit"), f.Operations, Clock);

        var onTheDate = await EvaluatePromises.HandleAsync(D("2026-10-15"), f.Operations, Clock);
        var dayAfter = await EvaluatePromises.HandleAsync(D("2026-10-16"), f.Operations, Clock);
        var again = await EvaluatePromises.HandleAsync(D("2026-10-31"), f.Operations, Clock);
        var promises = (await f.Operations.ReadPromisesAsync("C1", null)).ToDictionary(p => p.PromiseId);
        var interactions = await f.Test.QueryAsync("SELECT event_id, type, event_date FROM interactions ORDER BY event_id");
        var ledger = await f.Test.Store.ReadLedgersAsync(D("2026-10-31")).SingleAsync();
        var indicators = IndicatorCalculator.Compute(ledger, D("2026-10-31"), IndicatorPolicy.Default, new IndicatorWorkspace());

        Assert.Equal((1, 0, 1), (onTheDate.Kept, onTheDate.Broken, onTheDate.StillOpen));
        Assert.Equal((0, 1, 0), (dayAfter.Kept, dayAfter.Broken, dayAfter.StillOpen));
        Assert.Equal((0, 0, 0), (again.Kept, again.Broken, again.StillOpen));
        Assert.Equal((PromiseStatus.Kept, 1_000m, D("2026-10-15")), (promises[kept.Promise.PromiseId].Status, promises[kept.Promise.PromiseId].PaidAmount, promises[kept.Promise.PromiseId].SettledOn!.Value));
        Assert.Equal((PromiseStatus.Broken, 400m), (promises[broken.Promise.PromiseId].Status, promises[broken.Promise.PromiseId].PaidAmount));
        Assert.Equal(3, interactions.Count);
        Assert.Equal(["broken_promise", "promise_to_pay", "promise_to_pay"], interactions.Select(r => (string)r[1]!).Order(StringComparer.Ordinal));
        Assert.Contains(interactions, r => (string)r[0]! == $"crisk-promise-{broken.Promise.PromiseId}-broken");
        Assert.Equal(1, indicators.BrokenPromises180d);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Actions_CallsAndVisitsBecomeBehaviourRecords_OthersStayInTheLog_AndBadRequestsWriteNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1")]);

        var call = await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("C1", "call", D("2026-10-01"), "li", "promised Friday"), f.Operations, Clock);
        await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("C1", "EMAIL", D("2026-10-02"), "li"), f.Operations, Clock);
        await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("C1", "visit", D("2026-10-03"), "li"), f.Operations, Clock);
        await Assert.ThrowsAsync<OperationRefusedException>(() => RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("C1", "fax", D("2026-10-03"), "li"), f.Operations, Clock));
        await Assert.ThrowsAsync<OperationRefusedException>(() => RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("NOPE", "call", D("2026-10-03"), "li"), f.Operations, Clock));
        await Assert.ThrowsAsync<OperationRefusedException>(() => RecordPromise.HandleAsync(new RecordPromiseRequest("C1", 0m, D("2026-10-10"), D("2026-10-01"), "li"), f.Operations, Clock));
        await Assert.ThrowsAsync<OperationRefusedException>(() => RecordPromise.HandleAsync(new RecordPromiseRequest("C1", 10m, D("2026-09-10"), D("2026-10-01"), "li"), f.Operations, Clock));
        var actions = await f.Operations.ReadActionsAsync("C1");
        var types = await f.Test.QueryAsync("SELECT type FROM interactions ORDER BY event_date");

        Assert.Equal([CollectionActionKind.Visit, CollectionActionKind.Email, CollectionActionKind.Call], actions.Select(a => a.Kind));
        Assert.Equal(["collection_call", "visit"], types.Select(r => (string)r[0]!));
        Assert.Equal(("collection.action", "li", "promised Friday"), (call.Decision.Kind, call.Decision.By, call.Decision.Reason));
        Assert.Equal(0, await f.Test.CountAsync("SELECT count(*) FROM payment_promises"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Covers_CountFromValidFromThroughExpiry_AndTheRegisterRefusesBadItems(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1"), Customer("C2")]);
        await AddCollateral.HandleAsync(new AddCollateralRequest("C1", "guarantee", 10_000m, 0.25m, D("2026-03-01"), D("2026-09-30"), "parent", "mei"), f.Operations, Clock);
        await AddCollateral.HandleAsync(new AddCollateralRequest("C1", "credit_insurance", 4_000m, 0m, D("2026-01-01"), null, null, "mei"), f.Operations, Clock);
        var bad = new[]
        {
            new AddCollateralRequest("C2", "guarantee", 0m, 0m, D("2026-01-01"), null, null, "mei"),
            new AddCollateralRequest("C2", "guarantee", 10m, 1.5m, D("2026-01-01"), null, null, "mei"),
            new AddCollateralRequest("C2", "guarantee", 10m, 0m, D("2026-01-01"), D("2025-12-31"), null, "mei"),
            new AddCollateralRequest("C2", "pledge", 10m, 0m, D("2026-01-01"), null, null, "mei"),
            new AddCollateralRequest("C2", "guarantee", 10m, 0m, D("2026-01-01"), null, null, " "),
            new AddCollateralRequest("C9", "guarantee", 10m, 0m, D("2026-01-01"), null, null, "mei"),
        };
        foreach (var request in bad)
        {
            await Assert.ThrowsAsync<OperationRefusedException>(() => AddCollateral.HandleAsync(request, f.Operations, Clock));
        }

        var before = await f.Operations.ReadCoversAsync(D("2026-02-28"));
        var first = await f.Operations.ReadCoversAsync(D("2026-03-01"));
        var last = await f.Operations.ReadCoversAsync(D("2026-09-30"));
        var after = await f.Operations.ReadCoversAsync(D("2026-10-01"));
        var listed = await ListCollateral.HandleAsync(D("2026-09-15"), null, 30, f.Operations);
        var loss = ExpectedLoss.Compute(0.1m, 20_000m, last["C1"], D("2026-09-30"), CreditPolicy.Default);

        Assert.Equal(4_000m, before["C1"].Sum(c => c.CountedValue));
        Assert.Equal(11_500m, first["C1"].Sum(c => c.CountedValue));
        Assert.Equal(11_500m, last["C1"].Sum(c => c.CountedValue));
        Assert.Equal(4_000m, Assert.Single(after["C1"]).CountedValue);
        Assert.False(before.ContainsKey("C2"));
        Assert.Equal(["expiring", "active"], listed.Select(r => r.Status));
        Assert.Equal((15, 7_500m), (listed[0].DaysToExpiry!.Value, listed[0].CountedValue));
        Assert.Equal(0.45m * 8_500m / 20_000m, loss.EffectiveLgd);
        Assert.Equal(2, await f.Test.CountAsync("SELECT count(*) FROM collateral"));
    }
}
