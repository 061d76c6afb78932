using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Domain;
using CustomerRisk.Policy;
using static CustomerRisk.Storage.Tests.Operations.OperationsFixture;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>assess reads the last review dates (next_review) and the covers that count on T (expected loss) in bulk.</summary>
public sealed class AssessReviewsAndCoversTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly T = D("2026-11-30");

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Assess_PlansFromTheLastReview_AndCoversReduceTheExpectedLoss(string provider)
    {
        await using var f = await CreateAsync(provider, Clock);
        await using (var session = await f.Test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C1"), Customer("C2"), Customer("C3")]);
            await session.UpsertInvoicesAsync([
                Invoice("I1", "C1", "2026-11-20", "2026-12-20", 4_000m),
                Invoice("I2", "C2", "2026-11-20", "2026-12-20", 4_000m),
                Invoice("I3", "C3", "2026-11-20", "2026-12-20", 4_000m),
            ]);
            await session.CommitAsync();
        }

        // A review snapshots the latest saved assessment, so C1 needs one.
        await f.SaveAsync(Assessment("C1", "2026-09-30", grade: "B"));
        await RecordReview.HandleAsync(new RecordReviewRequest("C1", "keep", "fine", "mei", D("2026-10-05")), f.Operations, f.Credit, CreditPolicy.Default, Clock);
        // C2: a deposit covering all its exposure; C3: a cover that starts only after T, which does not count yet.
        await AddCollateral.HandleAsync(new AddCollateralRequest("C2", "deposit", 4_000m, 0m, D("2026-01-01"), null, null, "mei"), f.Operations, Clock);
        await AddCollateral.HandleAsync(new AddCollateralRequest("C3", "deposit", 4_000m, 0m, D("2026-12-15"), null, null, "mei"), f.Operations, Clock);

        var wired = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(T, Save: false), f.Test.Store, CreditPolicy.Default, Clock, null,
            CancellationToken.None, null, null, f.Operations);
        var bare = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(T, Save: false), f.Test.Store, CreditPolicy.Default, Clock, null,
            CancellationToken.None);
        var single = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(T, "C2", Save: false), f.Test.Store, CreditPolicy.Default, Clock, null,
            CancellationToken.None, null, null, f.Operations);

        var w = wired.Customers.ToDictionary(c => c.CustomerId);
        var b = bare.Customers.ToDictionary(c => c.CustomerId);
        var c1 = w["C1"];
        var expected = ReviewSchedule.Plan(new ReviewInputs(Enum.Parse<Grade>(c1.Grade), Grade.B, D("2026-10-05"), null,
            c1.Alerts.Count > 0 && c1.RiskSeverity == "extreme"), T, CreditPolicy.Default).NextReview;
        Assert.Equal(expected, c1.NextReview);
        Assert.NotEqual(b["C1"].NextReview, c1.NextReview);
        Assert.True(b["C2"].ExpectedLoss > 0m, "an uncovered exposure with a PD above 0 loses something");
        Assert.Equal(0m, w["C2"].ExpectedLoss);
        Assert.Equal(0m, Assert.Single(single.Customers).ExpectedLoss);
        Assert.Equal(b["C3"].ExpectedLoss, w["C3"].ExpectedLoss);
    }
}
