using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CustomerRisk.Application.Import;

namespace CustomerRisk.Benchmarks.Import;

/// <summary>Parse + validate rate of the import on one core: 1,000,000 invoice rows of 100,000 customers through
/// <see cref="ImportLedger.HandleAsync"/> into a store that discards them (the store's own cost is measured by the
/// storage benchmarks). Target: at least 500,000 rows/s, i.e. at most 2 µs per row (BenchmarkDotNet reports per row:
/// OperationsPerInvoke is the row count). Run:
/// <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*ImportParse*'</c>.
/// Wall time on a shared machine says little, so the benchmark also prints the rate per second of this process's CPU
/// time ("cpu rate"), which is the one-core figure.</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class ImportParseBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Customers = 100_000;

    // A dry run (DryRun.Enabled) parses 2,000 rows of 200 customers; BenchmarkDotNet's per-row figure is then meaningless.
    private static int RowsToWrite => DryRun.Enabled ? 2_000 : Rows;

    private static int CustomersToWrite => DryRun.Enabled ? 200 : Customers;

    private string _folder = string.Empty;
    private string _invoices = string.Empty;
    private HashSet<string> _customerIds = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crisk-import-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _invoices = Path.Combine(_folder, "invoices.csv");
        InvoiceFileGenerator.Write(_invoices, RowsToWrite, CustomersToWrite);
        _customerIds = InvoiceFileGenerator.CustomerIds(CustomersToWrite);
    }

    private TimeSpan _cpuStart;
    private TimeSpan _cpuTotal;
    private int _iterations;

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_folder, recursive: true);
        if (_iterations > 0)
        {
            Console.WriteLine(
                $"// cpu rate: {RowsToWrite * (double)_iterations / _cpuTotal.TotalSeconds:N0} invoice rows per CPU second over {_iterations} iterations");
        }
    }

    [IterationSetup]
    public void StartCpuClock() => _cpuStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpuClock()
    {
        _cpuTotal += Process.GetCurrentProcess().TotalProcessorTime - _cpuStart;
        _iterations++;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> ParseAndValidateInvoices()
    {
        var store = new DiscardingRiskStore(_customerIds);
        var result = await ImportLedger.HandleAsync(new ImportLedgerRequest([_invoices], null, null), store, null,
            CancellationToken.None).ConfigureAwait(false);
        if (result.Rejected != 0 || store.RowsReceived != RowsToWrite)
        {
            throw new InvalidOperationException($"Expected {RowsToWrite} rows accepted, got {store.RowsReceived} and {result.Rejected} rejected.");
        }

        return store.RowsReceived;
    }
}

/// <summary>In process (building a separate benchmark executable times out on a loaded 2-core machine), one launch,
/// 2 warm-ups, 8 measured iterations of 1,000,000 rows each.</summary>
internal sealed class InProcessConfig : ManualConfig
{
    public InProcessConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2)
            .WithIterationCount(8));
}
