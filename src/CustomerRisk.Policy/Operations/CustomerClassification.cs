namespace CustomerRisk.Policy;

/// <summary>A customer's class and its cell of the value–loyalty grid, with the reasons.</summary>
/// <param name="Class">High-value, ordinary or high-risk.</param>
/// <param name="Value">Value level from the revenue share.</param>
/// <param name="Loyal">Whether the customer counts as loyal.</param>
/// <param name="Strategy">The grid cell's strategy from the policy.</param>
/// <param name="Reasons">Why, in words.</param>
public sealed record CustomerClassification(CustomerClass Class, ValueLevel Value, bool Loyal, string Strategy, IReadOnlyList<string> Reasons)
{
    /// <summary>The grid cell's code, e.g. <c>high_value_loyal</c>.</summary>
    public string GridCell => $"{Value.ToString().ToLowerInvariant()}_value_{(Loyal ? "loyal" : "disloyal")}";
}
