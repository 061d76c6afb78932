using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerRisk.Analytics;

namespace CustomerRisk.Benchmarks.Analytics;

/// <summary>Indicators and the portfolio over 100,000 customers with 50 invoices and about 50 payments each (5 million
/// of each), single-threaded, from ledgers already in memory. Budget: well under 2 s, and no allocation per customer
/// beyond the result record. Run: <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter
/// '*IndicatorBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndicatorBenchmarks
{
    private CustomerLedger[] _ledgers = [];
    private IndicatorWorkspace _workspace = new();

    /// <summary>How many customers the portfolio holds.</summary>
    [Params(100_000)]
    public int Customers { get; set; }

    /// <summary>Invoices per customer (and about as many payments).</summary>
    [Params(50)]
    public int InvoicesPerCustomer { get; set; }

    /// <summary>Generates the portfolio once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ledgers = PortfolioLedgers.Generate(Customers, InvoicesPerCustomer, seed: 42);
        _workspace = new IndicatorWorkspace();
    }

    /// <summary>Every customer's indicators and the portfolio figures, one thread.</summary>
    [Benchmark]
    public PortfolioIndicators IndicatorsAndPortfolio()
    {
        var portfolio = new PortfolioAccumulator(PortfolioLedgers.AsOf, IndicatorPolicy.Default);
        foreach (var ledger in _ledgers)
        {
            portfolio.Add(IndicatorCalculator.Compute(ledger, PortfolioLedgers.AsOf, IndicatorPolicy.Default, _workspace));
        }

        return portfolio.Complete();
    }

    /// <summary>Cash application alone over every customer, one thread.</summary>
    [Benchmark]
    public decimal CashApplicationOnly()
    {
        var credit = 0m;
        foreach (var ledger in _ledgers)
        {
            CashApplication.Apply(ledger, PortfolioLedgers.AsOf, IndicatorPolicy.Default, _workspace, out var unapplied);
            credit += unapplied;
        }

        return credit;
    }
}
