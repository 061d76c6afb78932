using CustomerRisk.Application.Assess;

namespace CustomerRisk.Application.Alerts;

/// <summary>What an alert synchronisation reads before the run it follows (<see cref="SyncAlerts.PrepareAsync"/>):
/// the covers expiring within the warning, the policy's metric names, the instant stamped on resolved alerts.</summary>
public sealed class PreparedAlertSync
{
    private readonly DateOnly _asOf;
    private readonly int _coverExpiryWarningDays;
    private readonly IReadOnlyDictionary<string, string> _metrics;
    private readonly IReadOnlyDictionary<string, int> _expiring;

    internal PreparedAlertSync(DateOnly asOf, string? customerId, int coverExpiryWarningDays, IReadOnlyDictionary<string, string> metrics,
        IReadOnlyDictionary<string, int> expiring, DateTimeOffset at)
    {
        _asOf = asOf;
        CustomerId = customerId;
        _coverExpiryWarningDays = coverExpiryWarningDays;
        _metrics = metrics;
        _expiring = expiring;
        At = at;
    }

    /// <summary>The one customer synchronised, or null for every customer of the run.</summary>
    public string? CustomerId { get; }

    /// <summary>The instant stamped on alerts that resolve themselves.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The synchronisation with <paramref name="customers"/>, every customer the run assessed. The list is read
    /// only when <see cref="RunAlertSync.Plan"/> is called, so it may still be filling until then (a run saving its
    /// records hands the store the array its records are completed into).</summary>
    public RunAlertSync For(IReadOnlyList<CustomerAssessment> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return new RunAlertSync(CustomerId, At, active =>
        {
            var (firings, total) = SyncAlerts.Firings(customers, _metrics, _expiring, _coverExpiryWarningDays);
            return new AlertPlan(AlertSynchroniser.Plan(_asOf, firings, active, At), total);
        });
    }
}

/// <summary>An alert synchronisation (spec/operations.md, <see cref="AlertSynchroniser"/>) written by the store in the
/// transaction that saves the run it follows (<see cref="Ports.IRiskStore.SaveAssessmentsAsync(Ports.AssessmentRun,
/// IReadOnlyList{Ports.AssessmentRecord}, RunAlertSync, CancellationToken)"/>): the store reads the active alerts of
/// <see cref="CustomerId"/> (of every customer when null) inside that transaction, asks <see cref="Plan"/> for the
/// changes, writes them and queues their webhook deliveries. The run and its alerts are saved together or not at all.</summary>
public sealed class RunAlertSync
{
    private readonly Func<IReadOnlyList<Alert>, AlertPlan> _plan;

    /// <summary>A synchronisation whose plan, given the active alerts, comes from <paramref name="plan"/>
    /// (<see cref="PreparedAlertSync.For"/> makes the product's).</summary>
    public RunAlertSync(string? customerId, DateTimeOffset at, Func<IReadOnlyList<Alert>, AlertPlan> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        CustomerId = customerId;
        At = at;
        _plan = plan;
    }

    /// <summary>The one customer synchronised, or null for every customer of the run.</summary>
    public string? CustomerId { get; }

    /// <summary>The instant stamped on alerts that resolve themselves and on the queued deliveries.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The changes to save given the active alerts read in the transaction (opened first, then updated, then
    /// resolved, each group in customer and rule order), with the number of firings they come from.</summary>
    public AlertPlan Plan(IReadOnlyList<Alert> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        return _plan(active);
    }
}

/// <summary>What an alert synchronisation is to save: the changes (<see cref="AlertSynchroniser.Plan"/>'s order) and
/// how many rules fired in all, counted for <see cref="SyncAlertsResult.Unchanged"/>.</summary>
public sealed record AlertPlan(IReadOnlyList<AlertChange> Changes, int Firings)
{
    /// <summary>What the synchronisation did once <see cref="Changes"/> are saved as <paramref name="saved"/> (same
    /// order) with <paramref name="deliveriesQueued"/> webhook deliveries.</summary>
    public SyncAlertsResult Result(IReadOnlyList<Alert> saved, int deliveriesQueued)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var opened = 0;
        var resolved = 0;
        foreach (var change in Changes)
        {
            opened += change.Event == AlertEvents.Opened ? 1 : 0;
            resolved += change.Event == AlertEvents.Resolved ? 1 : 0;
        }

        var updated = Changes.Count - opened - resolved;
        return new SyncAlertsResult(opened, updated, resolved, Firings - opened - updated, deliveriesQueued, saved);
    }
}
