namespace CustomerRisk.Policy;

/// <summary>The answer of the credit check of an order.</summary>
public enum OrderDecision
{
    /// <summary>Ship.</summary>
    Approve,

    /// <summary>Hold for a person to decide.</summary>
    Review,

    /// <summary>Do not ship on credit.</summary>
    Block,
}
