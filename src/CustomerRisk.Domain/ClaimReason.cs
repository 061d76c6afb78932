namespace CustomerRisk.Domain;

/// <summary>Why money was conceded to a customer.</summary>
public enum ClaimReason
{
    /// <summary>A quality problem with the goods.</summary>
    Quality,

    /// <summary>Goods short of what was invoiced.</summary>
    Shortage,

    /// <summary>A price concession.</summary>
    Price,

    /// <summary>Any other reason.</summary>
    Other,
}
