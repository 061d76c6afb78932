namespace CustomerRisk.Application.Alerts;

/// <summary>The rules of an alert's life (spec/operations.md), as a pure function: compares what an assessment fired
/// with the alerts already open or acknowledged and says what to open, update and resolve.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A firing with no active alert of the same customer and rule opens one (first_seen = last_seen = T).</item>
/// <item>A firing with an active alert updates its last_seen, value, threshold and severity and keeps its status:
/// running the assessment again never duplicates an alert. An acknowledged alert stays acknowledged.</item>
/// <item>An active alert of an assessed customer whose rule no longer fires resolves itself (reason
/// <c>cleared</c>, resolved_on = T).</item>
/// <item>Customers not in the assessment are left alone (an assessment of one customer touches only that
/// customer's alerts), and so is an alert last seen after T: an older run cannot undo what a newer one saw.</item>
/// </list>
/// </remarks>
public static class AlertSynchroniser
{
    /// <summary>The reason recorded when an alert resolves itself.</summary>
    public const string Cleared = "cleared";

    /// <summary>The changes to save, opened alerts first, each group in customer and rule order.</summary>
    /// <param name="asOf">The assessment's as-of date.</param>
    /// <param name="firings">Every assessed customer with what fired for it (an empty list when nothing did).</param>
    /// <param name="active">The open and acknowledged alerts of (at least) those customers.</param>
    /// <param name="at">The instant stamped on alerts that resolve themselves.</param>
    public static IReadOnlyList<AlertChange> Plan(DateOnly asOf, IReadOnlyDictionary<string, IReadOnlyList<AlertFiring>> firings,
        IEnumerable<Alert> active, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(firings);
        ArgumentNullException.ThrowIfNull(active);
        var byKey = new Dictionary<(string Customer, string Rule), Alert>();
        foreach (var alert in active)
        {
            if (alert.IsActive && firings.ContainsKey(alert.CustomerId))
            {
                // The store keeps one active alert per customer and rule; should two ever exist, the older is kept.
                byKey.TryAdd((alert.CustomerId, alert.RuleId), alert);
            }
        }

        var opened = new List<AlertChange>();
        var updated = new List<AlertChange>();
        var resolved = new List<AlertChange>();
        var fired = new HashSet<(string, string)>();
        foreach (var (customer, list) in firings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var firing in list)
            {
                var key = (customer, firing.RuleId);
                if (!fired.Add(key))
                {
                    continue;
                }

                if (!byKey.TryGetValue(key, out var alert))
                {
                    opened.Add(new AlertChange(new Alert
                    {
                        CustomerId = customer,
                        RuleId = firing.RuleId,
                        Metric = firing.Metric,
                        Threshold = firing.Threshold,
                        Value = firing.Value,
                        Severity = firing.Severity,
                        Message = firing.Message,
                        FirstSeen = asOf,
                        LastSeen = asOf,
                        Status = AlertStatus.Open,
                    }, AlertEvents.Opened));
                    continue;
                }

                if (asOf < alert.LastSeen)
                {
                    continue;
                }

                var next = alert with
                {
                    Metric = firing.Metric,
                    Threshold = firing.Threshold,
                    Value = firing.Value,
                    Severity = firing.Severity,
                    Message = firing.Message,
                    LastSeen = asOf,
                };
                if (next != alert)
                {
                    updated.Add(new AlertChange(next, next.Severity != alert.Severity ? AlertEvents.SeverityChanged : null));
                }
            }
        }

        foreach (var (key, alert) in byKey.OrderBy(p => p.Key.Customer, StringComparer.Ordinal).ThenBy(p => p.Key.Rule, StringComparer.Ordinal))
        {
            if (!fired.Contains(key) && asOf >= alert.LastSeen)
            {
                resolved.Add(new AlertChange(alert with
                {
                    Status = AlertStatus.Resolved,
                    ResolvedAt = at,
                    ResolvedOn = asOf,
                    ResolvedBy = null,
                    Resolution = Cleared,
                }, AlertEvents.Resolved));
            }
        }

        return [.. opened, .. updated, .. resolved];
    }
}
