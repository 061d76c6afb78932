using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage;

namespace CustomerRisk.Benchmarks.Storage;

/// <summary>Reads every customer's ledger from a SQLite store: the read part of `crisk assess`. The full size is the
/// issue's portfolio (100,000 customers, 5 million invoices, 5 million payments); the store is built once through the
/// import path and kept in the temporary folder for later runs.
/// Run: <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*LedgerRead*'</c>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LedgerReadBenchmarks
{
    private IRiskStore _store = null!;

    /// <summary>Customers in the store; each has 50 invoices and 50 payments.</summary>
    [Params(100_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = await SyntheticPortfolio.EnsureAsync(Customers, 50, 50, Console.Out).ConfigureAwait(false);
        _store = await RiskStoreFactory.OpenMigratedAsync(path).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _store.DisposeAsync().ConfigureAwait(false);

    [Benchmark]
    public async Task<long> ReadEveryLedger()
    {
        var (_, invoices, payments, _) = await SyntheticPortfolio.ReadAllAsync(_store, new DateOnly(2030, 1, 1)).ConfigureAwait(false);
        return invoices + payments;
    }
}
