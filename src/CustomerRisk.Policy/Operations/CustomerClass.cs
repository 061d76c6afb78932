namespace CustomerRisk.Policy;

/// <summary>The customer classes of seed 002 (客户分类).</summary>
public enum CustomerClass
{
    /// <summary>Contributes much and is not high-risk: look after it (<c>high_value</c>).</summary>
    HighValue,

    /// <summary>The many: balance cost and return (<c>ordinary</c>).</summary>
    Ordinary,

    /// <summary>Needs its own measures (<c>high_risk</c>).</summary>
    HighRisk,
}
