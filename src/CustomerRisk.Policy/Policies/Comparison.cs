namespace CustomerRisk.Policy;

/// <summary>How a warning rule compares its metric with its threshold (policy code in brackets).</summary>
public enum Comparison
{
    /// <summary>value &gt; threshold (<c>gt</c>).</summary>
    GreaterThan,

    /// <summary>value ≥ threshold (<c>ge</c>).</summary>
    AtLeast,

    /// <summary>value &lt; threshold (<c>lt</c>).</summary>
    LessThan,

    /// <summary>value ≤ threshold (<c>le</c>).</summary>
    AtMost,

    /// <summary>value = threshold (<c>eq</c>).</summary>
    EqualTo,

    /// <summary>a yes/no metric is yes (<c>is_true</c>); no threshold.</summary>
    IsTrue,
}
