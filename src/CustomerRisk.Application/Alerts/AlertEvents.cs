namespace CustomerRisk.Application.Alerts;

/// <summary>The events an alert change raises; webhook subscriptions name the ones they want.</summary>
public static class AlertEvents
{
    /// <summary>A new alert was opened.</summary>
    public const string Opened = "alert.opened";

    /// <summary>A still-firing alert's severity changed.</summary>
    public const string SeverityChanged = "alert.severity_changed";

    /// <summary>A person acknowledged an alert.</summary>
    public const string Acknowledged = "alert.acknowledged";

    /// <summary>An alert was resolved, by itself (cleared) or by a person.</summary>
    public const string Resolved = "alert.resolved";

    /// <summary>Every event, in the order of an alert's life.</summary>
    public static readonly IReadOnlyList<string> All = [Opened, SeverityChanged, Acknowledged, Resolved];
}
