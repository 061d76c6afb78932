namespace CustomerRisk.Application.Alerts;

/// <summary>Where an alert is in its life (spec/operations.md): open when first seen, acknowledged when a person has
/// taken note of it, resolved when its condition cleared or a person closed it.</summary>
public enum AlertStatus
{
    /// <summary>Firing and nobody has taken note yet.</summary>
    Open,

    /// <summary>Still firing (or not yet re-assessed) and a person has taken note.</summary>
    Acknowledged,

    /// <summary>Closed: the condition cleared, or a person resolved it.</summary>
    Resolved,
}
