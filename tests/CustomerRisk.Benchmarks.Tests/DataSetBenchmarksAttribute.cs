using System.Reflection;
using CustomerRisk.Benchmarks.Modeling;
using Xunit.Sdk;

namespace CustomerRisk.Benchmarks.Tests;

/// <summary>A theory over the benchmark classes marked <see cref="UsesDataSetAttribute"/>; skipped, with the reason,
/// when the data set cannot be found (../shared/data absent).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataSetBenchmarksAttribute : TheoryAttribute
{
    public DataSetBenchmarksAttribute()
    {
        if (!GiveMeSomeCreditData.IsAvailable)
        {
            Skip = "shared/data/give_me_some_credit is absent (or CRISK_GMSC unset): the data-set benchmarks are not dry-run.";
        }
    }
}

/// <summary>The data rows of <see cref="DataSetBenchmarksAttribute"/>: the marked classes.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataSetBenchmarkClassesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        BenchmarkDryRunTests.BenchmarkTypes()
            .Where(t => t.GetCustomAttribute<UsesDataSetAttribute>() is not null)
            .Select(t => new object[] { t.FullName! });
}
