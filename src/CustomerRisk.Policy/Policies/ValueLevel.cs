namespace CustomerRisk.Policy;

/// <summary>A customer's value to us, from its share of the portfolio's sales (the value axis of the value–loyalty grid).</summary>
public enum ValueLevel
{
    /// <summary>Low value.</summary>
    Low,

    /// <summary>Medium value.</summary>
    Medium,

    /// <summary>High value.</summary>
    High,
}
