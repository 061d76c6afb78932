using static CustomerRisk.Analytics.Tests.LedgerBuilder;

namespace CustomerRisk.Analytics.Tests;

public sealed class PortfolioAccumulatorTests
{
    private static readonly DateOnly AsOf = D("2025-06-30");

    private static CustomerIndicators[] ThreeCustomers() =>
    [
        // A: 600 issued in W, open, not yet due (current); also bought in the prior window (paid).
        new LedgerBuilder("A")
            .Invoice("A1", "2025-06-01", "2025-07-01", 600m)
            .Invoice("A0", "2024-03-01", "2024-03-31", 100m)
            .Payment("2024-04-01", 100m)
            .Indicators("2025-06-30"),

        // B: new, 400 issued in W, due 05-01, 60 days past due (d31_60).
        new LedgerBuilder("B")
            .Invoice("B1", "2025-04-01", "2025-05-01", 400m)
            .Indicators("2025-06-30"),

        // C: bought only in the prior window, 250 still open since 2024-05-31 (395 days, d181_plus): churned.
        new LedgerBuilder("C")
            .Invoice("C1", "2024-05-01", "2024-05-31", 250m)
            .Indicators("2025-06-30"),
    ];

    [Fact]
    public void Portfolio_SumsReceivablesAndAging_AndTakesDsoFromTheSums()
    {
        // open 600 + 400 + 250 = 1,250; overdue 400 + 250 = 650; sales 600 + 400 = 1,000;
        // dso = 365 × 1,250 / 1,000 = 456.25 (not an average of the customers' DSOs).
        var portfolio = Accumulate(ThreeCustomers());

        Assert.Equal(3, portfolio.Customers);
        Assert.Equal(1250m, portfolio.OpenAr);
        Assert.Equal(650m, portfolio.OverdueAr);
        Assert.Equal(1000m, portfolio.Sales12m);
        Assert.Equal(new AgingBuckets(600m, 0m, 400m, 0m, 0m, 250m), portfolio.Aging);
        Assert.Equal(456.25m, portfolio.Dso);
        Assert.Equal(1250m, portfolio.Exposure);
    }

    [Fact]
    public void Portfolio_Concentration_IsTheSumOfSquaredRevenueShares()
    {
        // shares 600 / 1,000 = 0.6, 0.4, 0: hhi = 0.36 + 0.16 = 0.52; the top five hold everything.
        var portfolio = Accumulate(ThreeCustomers());

        Assert.Equal(0.52m, portfolio.Hhi);
        Assert.Equal(1m, portfolio.Top5Share);
        Assert.Equal(1m, portfolio.Top10Share);
        Assert.Equal(0.6m, portfolio.RevenueShare(600m));
        Assert.Equal(0m, portfolio.RevenueShare(0m));
    }

    [Fact]
    public void ChurnRate_IsTheShareOfPriorWindowBuyersWithNoInvoiceInTheWindow()
    {
        // Bought in the prior window: A and C; of them C bought nothing in W: 1 / 2. B is new and not counted.
        var portfolio = Accumulate(ThreeCustomers());

        Assert.Equal(2, portfolio.CustomersActiveInPriorWindow);
        Assert.Equal(1, portfolio.CustomersChurned);
        Assert.Equal(0.5m, portfolio.ChurnRate);
    }

    [Fact]
    public void TopShares_TakeTheLargestFiveAndTen()
    {
        // Sales 1, 2, …, 12 (sum 78) added in a shuffled order: top five 12 + 11 + 10 + 9 + 8 = 50 → 50 / 78; top ten
        // 78 − 1 − 2 = 75 → 75 / 78.
        int[] order = [5, 12, 1, 9, 3, 7, 11, 2, 8, 10, 4, 6];
        var customers = order
            .Select(k => new LedgerBuilder("K" + k).Invoice("I", "2025-05-01", "2025-05-31", k).Indicators("2025-06-30"))
            .ToArray();

        var portfolio = Accumulate(customers);

        Assert.Equal(50m / 78m, portfolio.Top5Share);
        Assert.Equal(75m / 78m, portfolio.Top10Share);
        Assert.Equal(Math.Round(650m / 6084m, 24), Math.Round(portfolio.Hhi!.Value, 24)); // Σk² = 650 over 78² = 6,084
    }

    [Fact]
    public void Merge_GivesTheSameAsAddingEveryCustomerToOneAccumulator()
    {
        var customers = Enumerable.Range(1, 12)
            .Select(k => new LedgerBuilder("K" + k).Invoice("I", "2025-05-01", "2025-05-31", k * 10m).Indicators("2025-06-30"))
            .Concat(ThreeCustomers())
            .ToArray();
        var left = new PortfolioAccumulator(AsOf, IndicatorPolicy.Default);
        var right = new PortfolioAccumulator(AsOf, IndicatorPolicy.Default);
        for (var i = 0; i < customers.Length; i++)
        {
            (i % 2 == 0 ? left : right).Add(customers[i]);
        }

        left.Merge(right);

        Assert.Equal(Accumulate(customers), left.Complete());
    }

    [Fact]
    public void EmptyPortfolio_HasNullSharesAndChurn_AndZeroDso()
    {
        var portfolio = new PortfolioAccumulator(AsOf, IndicatorPolicy.Default).Complete();

        Assert.Equal(0, portfolio.Customers);
        Assert.Null(portfolio.Hhi);
        Assert.Null(portfolio.Top5Share);
        Assert.Null(portfolio.ChurnRate);
        Assert.Null(portfolio.RevenueShare(0m));
        Assert.Equal(0m, portfolio.Dso);
    }

    [Fact]
    public void Add_RefusesIndicatorsOfAnotherDate()
    {
        var accumulator = new PortfolioAccumulator(D("2025-06-29"), IndicatorPolicy.Default);

        var error = Assert.Throws<ArgumentException>(() => accumulator.Add(ThreeCustomers()[0]));
        Assert.Contains("2025-06-30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_AfterComplete_IsRefused()
    {
        var accumulator = new PortfolioAccumulator(AsOf, IndicatorPolicy.Default);
        accumulator.Complete();

        Assert.Throws<InvalidOperationException>(() => accumulator.Add(ThreeCustomers()[0]));
    }

    private static PortfolioIndicators Accumulate(IEnumerable<CustomerIndicators> customers)
    {
        var accumulator = new PortfolioAccumulator(AsOf, IndicatorPolicy.Default);
        foreach (var customer in customers)
        {
            accumulator.Add(customer);
        }

        return accumulator.Complete();
    }
}
