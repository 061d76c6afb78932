using BenchmarkDotNet.Running;

namespace CustomerRisk.Benchmarks;

/// <summary>Runs the BenchmarkDotNet benchmarks: <c>dotnet run -c Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
