using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerRisk.Storage;

namespace CustomerRisk.Benchmarks.Storage;

/// <summary>Imports a portfolio into a new SQLite store through the import session's bulk path, one transaction
/// (the store's part of `crisk import`; reading the files is not included). Rows per second are printed by
/// <see cref="SyntheticPortfolio.BuildAsync"/>.
/// Run: <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*ImportBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ImportBenchmarks
{
    private string _folder = null!;

    /// <summary>Customers imported; each has 50 invoices and 50 payments.</summary>
    [Params(20_000)]
    public int Customers { get; set; }

    [IterationSetup]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crisk-benchmarks", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [IterationCleanup]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<string> ImportCustomersInvoicesAndPayments()
    {
        var figures = await SyntheticPortfolio.BuildAsync(Path.Combine(_folder, "store.db"), Customers, 50, 50).ConfigureAwait(false);
        Console.WriteLine(figures);
        return figures;
    }
}
