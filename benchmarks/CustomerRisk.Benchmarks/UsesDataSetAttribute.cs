namespace CustomerRisk.Benchmarks;

/// <summary>Marks a benchmark class that reads a public data set from <c>shared/data</c>; the dry-run test skips it,
/// saying so, where the data is absent.</summary>
/// <param name="name">The data set's folder under <c>shared/data</c>.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UsesDataSetAttribute(string name) : Attribute
{
    /// <summary>The data set's folder under <c>shared/data</c>, e.g. <c>give_me_some_credit</c>.</summary>
    public string Name { get; } = name;
}
