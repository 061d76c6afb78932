using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>The reads every saving `assess` makes of the operations tables go through plain SQL, not EF Core: they
/// give back every field as recorded, on both databases.</summary>
public sealed class OperationReadsTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.FromHours(2)));

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Collateral_IsReadBackWithEveryField_ByCustomerThenCover_AndForOneCustomer(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1"), Customer("C2")]);
        var added = new List<CollateralItem>();
        foreach (var request in new[]
                 {
                     new AddCollateralRequest("C2", "guarantee", 10_000.1234m, 0.25m, D("2026-03-01"), D("2026-09-30"), "parent, Acme Holding", "mei"),
                     new AddCollateralRequest("C1", "credit_insurance", 4_000m, 0m, D("2026-01-01"), null, null, "jo"),
                     new AddCollateralRequest("C2", "deposit", 0.0001m, 0.9999m, D("2025-12-31"), D("2027-01-01"), "Müller & Söhne", "mei"),
                 })
        {
            added.Add((await AddCollateral.HandleAsync(request, f.Operations, Clock)).Item);
        }

        var all = await f.Operations.ReadCollateralAsync(null);
        var c2 = await f.Operations.ReadCollateralAsync("C2");

        Assert.Equal([added[1], added[0], added[2]], all);
        Assert.Equal([added[0], added[2]], c2);
        Assert.Empty(await f.Operations.ReadCollateralAsync("C9"));
        Assert.Equal((CoverKind.Guarantee, 10_000.1234m, 0.25m, D("2026-03-01"), D("2026-09-30"), "parent, Acme Holding", "mei"),
            (all[1].Kind, all[1].Value, all[1].Haircut, all[1].ValidFrom, all[1].Expiry, all[1].Description, all[1].RecordedBy));
        Assert.Equal(Clock.GetUtcNow(), all[1].RecordedAt);
        Assert.Null(all[0].Expiry);
        Assert.Null(all[0].Description);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task LastReviewDates_AreEachCustomersLatestReview_OnOrBeforeTheDate(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await f.ImportAsync([Customer("C1"), Customer("C2"), Customer("C3")]);
        // A review snapshots the latest saved assessment.
        await f.SaveAsync(Assessment("C1", "2026-09-30", grade: "B"), Assessment("C2", "2026-09-30", grade: "A"));
        await Review("C1", "2026-10-20");
        await Review("C1", "2026-10-05");
        await Review("C2", "2026-11-02");

        var before = await f.Operations.ReadLastReviewDatesAsync(D("2026-10-04"));
        var first = await f.Operations.ReadLastReviewDatesAsync(D("2026-10-05"));
        var between = await f.Operations.ReadLastReviewDatesAsync(D("2026-10-19"));
        var later = await f.Operations.ReadLastReviewDatesAsync(D("2026-11-30"));

        Assert.Empty(before);
        Assert.Equal(D("2026-10-05"), Assert.Single(first, p => p.Key == "C1").Value);
        Assert.Single(first);
        Assert.Equal(D("2026-10-05"), between["C1"]);
        Assert.Equal(2, later.Count);
        Assert.Equal((D("2026-10-20"), D("2026-11-02")), (later["C1"], later["C2"]));
        Assert.False(later.ContainsKey("C3"));

        Task Review(string customer, string on) =>
            RecordReview.HandleAsync(new RecordReviewRequest(customer, "keep", "fine", "mei", D(on)), f.Operations, f.Credit, CreditPolicy.Default, Clock);
    }
}
