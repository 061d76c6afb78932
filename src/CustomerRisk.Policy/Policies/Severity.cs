namespace CustomerRisk.Policy;

/// <summary>The severity of a risk (a cell of the risk matrix).</summary>
public enum Severity
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Extreme: a review is due at once.</summary>
    Extreme,
}
