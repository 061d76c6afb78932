using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Operations;

namespace CustomerRisk.Storage.Operations;

/// <summary>The column list and status codes shared by the bulk alert paths of both providers.</summary>
internal static class AlertRowCodes
{
    /// <summary>Every column of alerts but alert_id and customer_id, in the order the bulk paths bind and read them.</summary>
    public const string StateColumns =
        "rule_id, metric, threshold, value, severity, message, first_seen, last_seen, status, acknowledged_by, " +
        "acknowledged_at, acknowledge_note, resolved_by, resolved_at, resolved_on, resolution";

    /// <summary>The stored code of a status; a switch, where <see cref="OperationCodes.ToCode{TEnum}"/> builds a
    /// string per call.</summary>
    public static string Status(AlertStatus status) => status switch
    {
        AlertStatus.Open => "open",
        AlertStatus.Acknowledged => "acknowledged",
        AlertStatus.Resolved => "resolved",
        _ => OperationCodes.ToCode(status),
    };

    /// <summary>The status of a stored code; refuses an unknown one as the EF mapping does.</summary>
    public static AlertStatus Status(string code) => code switch
    {
        "open" => AlertStatus.Open,
        "acknowledged" => AlertStatus.Acknowledged,
        "resolved" => AlertStatus.Resolved,
        _ => OperationCodes.Parse<AlertStatus>(code, "alerts.status"),
    };

    /// <summary>The alert as the EF mapping stored and returned it: instants in UTC.</summary>
    public static Alert AsStored(Alert alert, long alertId)
    {
        var acknowledgedAt = OperationMapping.Utc(alert.AcknowledgedAt);
        var resolvedAt = OperationMapping.Utc(alert.ResolvedAt);
        return alert.AlertId == alertId && acknowledgedAt == alert.AcknowledgedAt && resolvedAt == alert.ResolvedAt
               && acknowledgedAt?.Offset == alert.AcknowledgedAt?.Offset && resolvedAt?.Offset == alert.ResolvedAt?.Offset
            ? alert
            : alert with { AlertId = alertId, AcknowledgedAt = acknowledgedAt, ResolvedAt = resolvedAt };
    }
}
