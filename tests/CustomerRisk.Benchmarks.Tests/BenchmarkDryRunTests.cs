using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Xunit.Abstractions;

namespace CustomerRisk.Benchmarks.Tests;

/// <summary>Runs every BenchmarkDotNet benchmark of benchmarks/CustomerRisk.Benchmarks once, at a tiny size, the way
/// ML.NET's benchmark tests run theirs with a dry job: so a benchmark that no longer sets up, runs or cleans up fails a
/// test instead of rotting until someone measures. It checks that the benchmarks work, never how fast: timing goes to
/// docs/benchmarks.md. Benchmarks on a public data set are skipped, saying so, where shared/data is absent.</summary>
public sealed class BenchmarkDryRunTests(ITestOutputHelper output)
{
    private static readonly Assembly Benchmarks = typeof(DryRun).Assembly;

    /// <summary>Every class with at least one [Benchmark] method.</summary>
    public static TheoryData<string> BenchmarkClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in BenchmarkTypes().Where(t => t.GetCustomAttribute<UsesDataSetAttribute>() is null))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void TheBenchmarksAreFound_AndEachIsAValidBenchmarkDotNetClass()
    {
        var types = BenchmarkTypes().ToArray();

        Assert.True(types.Length >= 7, $"found only {types.Length} benchmark classes");
        foreach (var type in types)
        {
            var info = BenchmarkConverter.TypeToBenchmarks(type);
            Assert.NotEmpty(info.BenchmarksCases);
        }
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public async Task EveryBenchmark_RunsOnceAtATinySize(string typeName)
    {
        await DryRunner.RunAsync(Benchmarks.GetType(typeName, throwOnError: true)!, output);
    }

    [DataSetBenchmarks]
    [DataSetBenchmarkClasses]
    public async Task EveryDataSetBenchmark_RunsOnceOnAFewRows(string typeName)
    {
        await DryRunner.RunAsync(Benchmarks.GetType(typeName, throwOnError: true)!, output);
    }

    internal static IEnumerable<Type> BenchmarkTypes() => Benchmarks.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                    && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
