namespace CustomerRisk.Domain;

/// <summary>The state of a sales order.</summary>
public enum OrderStatus
{
    /// <summary>Not yet invoiced; counts in exposure.</summary>
    Open,

    /// <summary>Invoiced; the invoice carries the exposure.</summary>
    Invoiced,

    /// <summary>Cancelled; no exposure.</summary>
    Cancelled,
}
