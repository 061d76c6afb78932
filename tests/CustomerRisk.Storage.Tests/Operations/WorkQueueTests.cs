using System.Text.Json;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Policy;
using CustomerRisk.Storage.WorkQueues;
using FsCheck;
using FsCheck.Fluent;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>The kept review queue and worklist (ReviewQueue, WorklistQueue) page to exactly the lists computed in
/// memory (ReviewsDue, CollectionWorklist): every page concatenated, under every filter, with the same totals; and a
/// decision shows on the next request.</summary>
public sealed class WorkQueueTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly T = D("2026-10-31");

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task KeptQueues_PageToTheInMemoryLists_OnEveryPageSizeAndFilter(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await HandWorkedAsync(f);

        await AssertSameAsync(f, T);
        // A second round reads every page from the kept rows (the first one computed them).
        await AssertSameAsync(f, T);
        // Another date is another kept list.
        await AssertSameAsync(f, D("2026-09-30"));
        Assert.Equal(2, await f.Test.CountAsync("SELECT count(*) FROM work_queue_heads WHERE list LIKE 'reviews|%'"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task KeptQueues_ShowAReviewACoverAnActionAndAPromise_OnTheNextRequest(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await HandWorkedAsync(f);
        await using var kept = WorkQueueStoreFactory.Open(f.Test.Db);
        var before = await ReviewQueue.HandleAsync(new ReviewQueueRequest(T, DueOnly: true, 1, 50), f.Operations, kept, CreditPolicy.Default, Clock);
        var worklistBefore = await WorklistQueue.HandleAsync(T, 1, 50, f.Operations, kept, CreditPolicy.Default, Clock);
        Assert.Contains(before.Items, r => r.CustomerId == "NEVER");
        Assert.Null(worklistBefore.Items.Single(r => r.CustomerId == "YOUNG").LastAction);

        await RecordReview.HandleAsync(new RecordReviewRequest("NEVER", "keep", "fine", "mei", D("2026-10-20")), f.Operations, f.Credit, CreditPolicy.Default, Clock);
        await AddCollateral.HandleAsync(new AddCollateralRequest("BIG", "deposit", 25_000m, 0m, D("2026-01-01"), null, null, "mei"), f.Operations, Clock);
        await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("YOUNG", "call", D("2026-10-30"), "li", "rang"), f.Operations, Clock);
        await RecordPromise.HandleAsync(new RecordPromiseRequest("YOUNG", 700m, D("2026-11-10"), D("2026-10-30"), "li"), f.Operations, Clock);

        var after = await ReviewQueue.HandleAsync(new ReviewQueueRequest(T, DueOnly: true, 1, 50), f.Operations, kept, CreditPolicy.Default, Clock);
        var worklistAfter = await WorklistQueue.HandleAsync(T, 1, 50, f.Operations, kept, CreditPolicy.Default, Clock);

        // NEVER, reviewed on 20 October, is due again only after its grade's interval.
        Assert.DoesNotContain(after.Items, r => r.CustomerId == "NEVER");
        Assert.Equal(before.Total - 1, after.Total);
        // BIG's cover (25,000 at no haircut) covers its exposure of 20,000: LGD 0, no loss, last in the list.
        Assert.Equal(("BIG", 0m), (worklistAfter.Items[^1].CustomerId, worklistAfter.Items[^1].LossOnOverdue));
        var young = worklistAfter.Items.Single(r => r.CustomerId == "YOUNG");
        Assert.Equal((CollectionActionKind.Call, 700m), (young.LastAction!.Kind, young.OpenPromise!.Amount));
        await AssertSameAsync(f, T);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task KeptQueues_AreComputedAgain_AfterARun_AndWhenTheExtremeAlertsChange(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await HandWorkedAsync(f);
        await AssertSameAsync(f, T);

        // A new run: FRESH falls from A to C (due at once) and starts to owe.
        await f.SaveAsync(Assessment("FRESH", "2026-10-15", grade: "C", pd: 0.2m, overdue: 3_000m, exposure: 5_000m, oldestDpd: 35));
        await AssertSameAsync(f, T);
        var fresh = (await KeptReviewsAsync(f, T, dueOnly: true, 50)).Single(r => r.CustomerId == "FRESH");
        Assert.Contains("grade_drop", fresh.Triggers);

        // A person resolves the extreme alert: its customer is no longer due at once.
        var extreme = (await f.Operations.ReadActiveAlertsAsync("EXTREME")).Single();
        await ResolveAlert.HandleAsync(new ResolveAlertRequest(extreme.AlertId, "mei", "settled"), f.Operations, Clock);
        await AssertSameAsync(f, T);
        Assert.DoesNotContain(await KeptReviewsAsync(f, T, dueOnly: true, 50), r => r.CustomerId == "EXTREME");
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task KeptQueues_EqualTheInMemoryLists_OnRandomPortfolios(string provider)
    {
        var customer =
            from grade in Gen.Elements("A", "B", "C", "D")
            from pd in Gen.Choose(0, 4)
            from overdue in Gen.Choose(0, 400)
            from events in Gen.Choose(0, 3)
            from since in Gen.Choose(-1, 700)
            select new RandomCustomer(grade, pd / 10m, overdue * 25m, events, since);
        var portfolio = Gen.Choose(0, 9).SelectMany(n => customer.ArrayOf(n));
        await Task.Yield();
        // Each case is a fresh store: a few cases, each with up to 9 customers and 27 decisions.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(provider == "sqlite" ? 12 : 6), Prop.ForAll(portfolio.ToArbitrary(),
            customers => RandomPortfolioAsync(provider, customers).GetAwaiter().GetResult()));
    }

    private sealed record RandomCustomer(string Grade, decimal Pd, decimal Overdue, int Events, int SinceDays);

    private static async Task RandomPortfolioAsync(string provider, RandomCustomer[] customers)
    {
        await using var f = await CreateAsync(provider, Clock);
        var ids = customers.Select((_, i) => $"R{i % 3}{i}").ToArray();
        await f.ImportAsync(ids.Select((id, i) => Customer(id) with
        {
            CustomerSince = customers[i].SinceDays < 0 ? null : T.AddDays(-customers[i].SinceDays),
        }).ToArray());
        if (ids.Length > 0)
        {
            await f.SaveAsync(ids.Select((id, i) => Assessment(id, "2026-06-30", grade: i % 2 == 0 ? "A" : "C")).ToArray());
            await f.SaveAsync(ids.Select((id, i) => Assessment(id, "2026-09-30", grade: customers[i].Grade, pd: customers[i].Pd,
                overdue: customers[i].Overdue, exposure: 10_000m, oldestDpd: (int)(customers[i].Overdue % 120) - 5)).ToArray());
        }

        await AssertSameAsync(f, T, pageSizes: [1, 4]);
        for (var i = 0; i < ids.Length; i++)
        {
            for (var e = 0; e < customers[i].Events; e++)
            {
                var on = T.AddDays(-30 * (e + 1));
                switch ((i + e) % 3)
                {
                    case 0:
                        await RecordReview.HandleAsync(new RecordReviewRequest(ids[i], "keep", "ok", "mei", on), f.Operations, f.Credit, CreditPolicy.Default, Clock);
                        break;
                    case 1:
                        await AddCollateral.HandleAsync(new AddCollateralRequest(ids[i], "deposit", 1_000m * (e + 1), 0.1m, on, null, null, "mei"), f.Operations, Clock);
                        break;
                    default:
                        await RecordPromise.HandleAsync(new RecordPromiseRequest(ids[i], 100m, on.AddDays(5), on, "li"), f.Operations, Clock);
                        break;
                }
            }
        }

        await AssertSameAsync(f, T, pageSizes: [1, 4]);
    }

    /// <summary>Customers of every kind: never reviewed, counted from customer_since, reviewed, a grade drop, an
    /// extreme alert; overdue with and without cover, an action and a promise, one clean.</summary>
    private static async Task HandWorkedAsync(OperationsFixture f)
    {
        await f.ImportAsync(
        [
            Customer("NEVER"),
            Customer("SINCE") with { CustomerSince = D("2026-08-01") },
            Customer("REVIEWED"),
            Customer("DROPPED") with { CustomerSince = D("2026-10-01") },
            Customer("EXTREME") with { CustomerSince = D("2026-10-01") },
            Customer("OLD") with { CustomerSince = D("2020-01-10") },
            Customer("FRESH") with { CustomerSince = D("2026-10-01") },
            Customer("BIG"), Customer("YOUNG"), Customer("COVERED"), Customer("CLEAN"),
        ]);
        await f.SaveAsync(Assessment("DROPPED", "2026-06-30", grade: "A"), Assessment("FRESH", "2026-06-30", grade: "A"));
        await f.SaveAsync(Assessment("REVIEWED", "2026-07-01", grade: "B"));
        await f.SaveAsync(
            Assessment("NEVER", "2026-09-30", grade: "B"),
            Assessment("SINCE", "2026-09-30", grade: "C"),
            Assessment("REVIEWED", "2026-09-30", grade: "B", pd: 0.05m, overdue: 4_000m, exposure: 4_000m, oldestDpd: 70),
            Assessment("DROPPED", "2026-09-30", grade: "B"),
            Assessment("EXTREME", "2026-09-30", grade: "A", severity: "extreme", alerts: [Firing("complaints", 3m, 3m, "extreme")]),
            Assessment("OLD", "2026-09-30", grade: "B"),
            Assessment("FRESH", "2026-09-30", grade: "A"),
            Assessment("BIG", "2026-09-30", pd: 0.10m, overdue: 10_000m, exposure: 20_000m, oldestDpd: 10),
            Assessment("YOUNG", "2026-09-30", pd: 0.10m, overdue: 2_000m, exposure: 4_000m, oldestDpd: 20),
            Assessment("COVERED", "2026-09-30", pd: 0.10m, overdue: 10_000m, exposure: 20_000m, oldestDpd: 45),
            Assessment("CLEAN", "2026-09-30", pd: 0.50m, overdue: 0m, exposure: 50_000m));
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"),
            [Assessment("EXTREME", "2026-09-30", severity: "extreme", alerts: [Firing("complaints", 3m, 3m, "extreme")])]), f.Operations, CreditPolicy.Default, Clock);
        await RecordReview.HandleAsync(new RecordReviewRequest("REVIEWED", "keep", "fine", "mei", D("2026-07-15")), f.Operations, f.Credit, CreditPolicy.Default, Clock);
        await AddCollateral.HandleAsync(new AddCollateralRequest("COVERED", "deposit", 12_500m, 0.2m, D("2026-01-01"), null, null, "mei"), f.Operations, Clock);
        await RecordCollectionAction.HandleAsync(new RecordCollectionActionRequest("REVIEWED", "letter", D("2026-09-20"), "li", "formal notice"), f.Operations, Clock);
        await RecordPromise.HandleAsync(new RecordPromiseRequest("REVIEWED", 1_000m, D("2026-10-10"), D("2026-09-25"), "li"), f.Operations, Clock);
    }

    private static async Task<List<ReviewDueRow>> KeptReviewsAsync(OperationsFixture f, DateOnly asOf, bool dueOnly, int pageSize)
    {
        await using var kept = WorkQueueStoreFactory.Open(f.Test.Db);
        var rows = new List<ReviewDueRow>();
        for (var page = 1; ; page++)
        {
            var one = await ReviewQueue.HandleAsync(new ReviewQueueRequest(asOf, dueOnly, page, pageSize), f.Operations, kept, CreditPolicy.Default, Clock);
            rows.AddRange(one.Items);
            if (one.Items.Count < pageSize)
            {
                Assert.Equal(one.Total, rows.Count);
                return rows;
            }
        }
    }

    /// <summary>Every page of both kept lists, concatenated, is the list computed in memory, with its totals.</summary>
    private static async Task AssertSameAsync(OperationsFixture f, DateOnly asOf, int[]? pageSizes = null)
    {
        await using var kept = WorkQueueStoreFactory.Open(f.Test.Db);
        foreach (var pageSize in pageSizes ?? [1, 2, 3, 50])
        {
            foreach (var dueOnly in new[] { true, false })
            {
                var expected = await ReviewsDue.HandleAsync(new ReviewsDueRequest(asOf, dueOnly), f.Operations, CreditPolicy.Default);
                var rows = await KeptReviewsAsync(f, asOf, dueOnly, pageSize);
                Assert.Equal(Json(expected), Json(rows));
            }

            var worklist = await CollectionWorklist.HandleAsync(asOf, f.Operations, CreditPolicy.Default);
            var paged = new List<WorklistRow>();
            for (var page = 1; ; page++)
            {
                var one = await WorklistQueue.HandleAsync(asOf, page, pageSize, f.Operations, kept, CreditPolicy.Default, Clock);
                Assert.Equal((worklist.Count, worklist.Sum(r => r.OverdueAr)), (one.Total, one.OverdueAr));
                paged.AddRange(one.Items);
                if (one.Items.Count < pageSize)
                {
                    break;
                }
            }

            Assert.Equal(Json(worklist), Json(paged));
        }
    }

    private static string Json<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows.ToArray(), OperationsJson.Options);
}
