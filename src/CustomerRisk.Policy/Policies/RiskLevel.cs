namespace CustomerRisk.Policy;

/// <summary>A level on one axis of the risk matrix.</summary>
public enum RiskLevel
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}
