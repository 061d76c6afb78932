using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CustomerRisk.Application.Demo;

namespace CustomerRisk.Benchmarks.Demo;

/// <summary>`crisk demo` at a small size: the whole use case writing its eight files (about 50 invoices and 50
/// payments per customer), and the generation alone on one thread into memory. The 100,000-customer figure in
/// docs/demo.md is about 100 times the 1,000-customer one. Run:
/// <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*DemoPortfolio*'</c>. It runs in
/// process, so it does not rebuild the solution beside other builds.</summary>
[MemoryDiagnoser]
[Config(typeof(InProcess))]
public class DemoPortfolioBenchmarks
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private string _folder = "";
    private DemoCustomerGenerator _generator = null!;
    private DemoChunk _chunk = null!;

    [Params(1_000, 10_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crisk-demo-bench-" + Guid.NewGuid().ToString("N"));
        _generator = new DemoCustomerGenerator(42, Customers, AsOf, withErrors: false);
        _chunk = new DemoChunk();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The use case end to end: generate in parallel chunks and write the files.</summary>
    [Benchmark]
    public async Task<long> WriteFiles()
    {
        var result = await DemoPortfolio.HandleAsync(
            new DemoPortfolioRequest { OutFolder = _folder, Customers = Customers, Seed = 42, AsOf = AsOf }, null, CancellationToken.None);
        return result.RowsOf("invoices.csv");
    }

    /// <summary>Generation and formatting alone, one thread, into reused buffers (no disk).</summary>
    [Benchmark]
    public long GenerateOnOneThread()
    {
        long bytes = 0;
        for (var i = 0; i < Customers; i++)
        {
            if (i % DemoPortfolio.ChunkSize == 0)
            {
                bytes += Bytes(_chunk);
                _chunk.Clear();
            }

            _generator.Generate(i, _chunk);
        }

        return bytes + Bytes(_chunk);
    }

    private static long Bytes(DemoChunk chunk)
    {
        long bytes = 0;
        foreach (var buffer in chunk.Buffers)
        {
            bytes += buffer.Written.Length;
        }

        return bytes;
    }

    private sealed class InProcess : ManualConfig
    {
        public InProcess() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8));
    }
}
