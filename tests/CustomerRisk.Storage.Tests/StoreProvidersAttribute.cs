using System.Reflection;
using Xunit.Sdk;

namespace CustomerRisk.Storage.Tests;

/// <summary>Runs a theory once per provider: "sqlite" always, "postgresql" against the server named by the
/// CRISK_TEST_PG connection string (.ci/postgres.sh starts one). Without it the PostgreSQL case is reported as
/// skipped, never passed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StoreProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return ["sqlite"];
    }
}

/// <summary>The PostgreSQL row of a storage theory; skipped with the reason when CRISK_TEST_PG is not set.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PostgresProviderAttribute : DataAttribute
{
    public PostgresProviderAttribute()
    {
        if (string.IsNullOrWhiteSpace(TestStore.PostgresConnectionString))
        {
            Skip = "CRISK_TEST_PG is not set: no PostgreSQL server to test against (.ci/run starts one with .ci/postgres.sh).";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return ["postgresql"];
    }
}
