namespace CustomerRisk.Policy;

/// <summary>How far collection has escalated.</summary>
public enum DunningLevel
{
    /// <summary>Nothing past due.</summary>
    None,

    /// <summary>Level 1 (default: reminder).</summary>
    L1,

    /// <summary>Level 2 (default: call).</summary>
    L2,

    /// <summary>Level 3 (default: formal notice and order hold).</summary>
    L3,

    /// <summary>Level 4 (default: legal or agency).</summary>
    L4,
}
