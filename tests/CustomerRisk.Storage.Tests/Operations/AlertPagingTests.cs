using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Assess;
using CustomerRisk.Domain;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>The alert queue paged by the database (<see cref="ListAlerts.PageAsync"/>) gives exactly the rows, in
/// exactly the order, of the whole queue (<see cref="ListAlerts.HandleAsync"/>) filtered and sliced in memory, as the
/// server did before: for every combination of filters and several page sizes, on both providers. Customer ids differ
/// in letter case so the ordinal order of ids is tested (PostgreSQL's default collation would sort them otherwise).</summary>
public sealed class AlertPagingTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private static readonly string[] Severities = ["low", "medium", "high", "extreme"];

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EveryPageOfEveryFilter_IsTheWholeQueueFilteredAndSliced(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        var ids = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? $"c{i:D3}" : i % 3 == 1 ? $"C{i:D3}" : $"_{i:D3}").ToArray();
        await f.ImportAsync(ids.Select((id, i) => new Customer { CustomerId = id, Name = id, SalesOwner = i % 2 == 0 ? "anna" : "bob" }).ToArray());
        // Two dates: some alerts are last seen at the first, some at the second; severities and rules vary.
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"), ids.Select((id, i) => Assessment(id, "2026-09-30",
            severity: Severities[i % 4], alerts: [Firing("complaints", 3m, 3m), Firing("overdue_share_high", 0.3m, 0.2m)])).ToArray()),
            f.Operations, CreditPolicy.Default, Clock);
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-10-31"), ids.Select((id, i) => Assessment(id, "2026-10-31",
            severity: Severities[(i / 2) % 4], alerts: i % 5 == 0 ? [] : i % 2 == 0 ? [Firing("complaints", 3m, 3m)] : [Firing("overdue_share_high", 0.3m, 0.2m)])).ToArray()),
            f.Operations, CreditPolicy.Default, Clock);
        var someAlert = (await f.Operations.ReadAlertsAsync(AlertStatus.Open, null))[0];
        await AcknowledgeAlert.HandleAsync(new AcknowledgeAlertRequest(someAlert.AlertId, "mei", null), f.Operations, Clock);
        var owners = ids.Select((id, i) => (id, owner: i % 2 == 0 ? "anna" : "bob")).ToDictionary(x => x.id, x => x.owner, StringComparer.Ordinal);

        var checkedQueries = 0;
        foreach (var status in new AlertStatus?[] { AlertStatus.Open, AlertStatus.Acknowledged, AlertStatus.Resolved, null })
        foreach (var customer in new[] { null, ids[4] })
        foreach (var severity in new[] { null, "high" })
        foreach (var rule in new[] { null, "complaints" })
        foreach (var owner in new[] { null, "anna", "nobody" })
        {
            var all = await ListAlerts.HandleAsync(new ListAlertsRequest(status, customer), f.Operations);
            var expected = all.Where(a => severity is null || a.Severity == severity).Where(a => rule is null || a.RuleId == rule)
                .Where(a => owner is null || owners[a.CustomerId] == owner).ToArray();
            foreach (var size in new[] { 1, 7, 500 })
            {
                var pages = new List<Alert>();
                AlertPage page;
                var n = 1;
                do
                {
                    page = await ListAlerts.PageAsync(new AlertQuery(status, customer, severity, rule, owner, n++, size), f.Operations);
                    Assert.Equal(expected.Length, page.Total);
                    pages.AddRange(page.Items);
                }
                while (page.Items.Count == size);

                Assert.Equal(expected.Select(a => a.AlertId), pages.Select(a => a.AlertId));
                Assert.Equal(expected, pages);
                checkedQueries++;
            }
        }

        Assert.Equal(4 * 2 * 2 * 2 * 3 * 3, checkedQueries);
        var whole = await ListAlerts.HandleAsync(new ListAlertsRequest(null), f.Operations);
        Assert.True(whole.Count > 40, $"{whole.Count} alerts");
        Assert.Contains(whole, a => a.Status == AlertStatus.Resolved);
        Assert.True(whole.Select(a => a.LastSeen).Distinct().Count() == 2);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task APageBeyondTheEnd_IsEmpty_WithTheTotal_AndAnOwnerWithANul_MatchesNothing(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([new Customer { CustomerId = "C1", Name = "One", SalesOwner = "anna" }]);
        await SyncAlerts.HandleAsync(new SyncAlertsRequest(D("2026-09-30"), [Assessment("C1", "2026-09-30", alerts: [Firing("complaints", 3m, 3m)])]),
            f.Operations, CreditPolicy.Default, Clock);

        var beyond = await ListAlerts.PageAsync(new AlertQuery(Page: 9, PageSize: 5), f.Operations);
        var nul = await ListAlerts.PageAsync(new AlertQuery(SalesOwner: "\0none"), f.Operations);

        Assert.Equal((0, 1), (beyond.Items.Count, beyond.Total));
        Assert.Equal((0, 0), (nul.Items.Count, nul.Total));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAlerts.PageAsync(new AlertQuery(PageSize: 501), f.Operations));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAlerts.PageAsync(new AlertQuery(Page: 0), f.Operations));
    }
}
