using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Benchmarks.Storage;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Benchmarks.Credit;

/// <summary>The credit check of an order in process on SQLite, one after another as `crisk serve` would run them
/// for one caller: each check reads the active policy and the customer's cached figures, then decides under the
/// write lock, records the check and appends its audit record. The store holds <see cref="Customers"/> customers
/// with 50 invoices and 50 payments each, every one with a granted limit and warm figures (the first check of a
/// customer after an import reads its ledger once; that cost is in docs/operations.md, not here).
/// Run: <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*CheckOrder*'</c>.
/// Besides BenchmarkDotNet's time per check, the cleanup prints the p50 and p99 of single checks.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CheckOrderBenchmarks
{
    private const int ChecksPerInvoke = 1_000;
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private readonly List<long> _latencies = [];
    private IRiskStore _ledgers = null!;
    private ICreditStore _credit = null!;
    private string _folder = null!;
    private int _next;

    /// <summary>Customers in the store.</summary>
    [Params(500)]
    public int Customers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crisk-benchmarks", $"credit-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "store.db");
        await SyntheticPortfolio.BuildAsync(path, Customers, 50, 50).ConfigureAwait(false);
        _ledgers = await RiskStoreFactory.OpenMigratedAsync(path).ConfigureAwait(false);
        _credit = CreditStoreFactory.Open(path);
        for (var c = 0; c < Customers; c++)
        {
            // Granting reads the ledger once and caches the figures the checks use.
            await GrantLimit.HandleAsync(new GrantLimitRequest(CustomerId(c), 1_000_000_000m, "benchmark", "setup", AsOf.AddDays(-30)),
                _ledgers, _credit, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_latencies.Count > 0)
        {
            var sorted = _latencies.Order().ToArray();
            double Percentile(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)] * 1_000_000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// single checks: {sorted.Length:N0}, p50 {Percentile(0.50):F0} µs, p99 {Percentile(0.99):F0} µs, max {Percentile(1.0):F0} µs"));
        }

        await _credit.DisposeAsync().ConfigureAwait(false);
        await _ledgers.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>1,000 checks round the customers; BenchmarkDotNet reports the time of one.</summary>
    [Benchmark(OperationsPerInvoke = ChecksPerInvoke)]
    public async Task<int> CheckOrders()
    {
        var approved = 0;
        for (var i = 0; i < ChecksPerInvoke; i++)
        {
            var n = _next++;
            var start = Stopwatch.GetTimestamp();
            var record = await CheckOrder.HandleAsync(
                new CheckOrderRequest(CustomerId(n % Customers), 100m + (n % 997), AsOf, string.Create(CultureInfo.InvariantCulture, $"B-{n}")),
                _ledgers, _credit, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
            _latencies.Add(Stopwatch.GetTimestamp() - start);
            approved += record.Decision == "approve" ? 1 : 0;
        }

        return approved;
    }

    private static string CustomerId(int c) => SyntheticPortfolio.CustomerId(c);
}
