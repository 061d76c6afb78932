using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Alerts;

/// <summary>Synchronise the stored alerts with an assessment run.</summary>
/// <param name="AsOf">The run's as-of date.</param>
/// <param name="Customers">Every customer the run assessed, with the rules that fired (<see cref="CustomerAssessment.Alerts"/>).</param>
/// <param name="CoverExpiryWarningDays">A guarantee or collateral expiring within this many days (0 or more) of T
/// raises a <c>cover_expiring</c> alert; default 30.</param>
public sealed record SyncAlertsRequest(DateOnly AsOf, IReadOnlyList<CustomerAssessment> Customers, int CoverExpiryWarningDays = 30);

/// <summary>What the synchronisation did.</summary>
/// <param name="Opened">Alerts opened.</param>
/// <param name="Updated">Active alerts seen again with a new value, severity or last_seen.</param>
/// <param name="Resolved">Alerts resolved because their condition cleared.</param>
/// <param name="Unchanged">Firings that matched an active alert exactly (a re-run of the same date).</param>
/// <param name="DeliveriesQueued">Webhook deliveries written to the outbox.</param>
/// <param name="Changed">The alerts opened, updated or resolved, as saved.</param>
public sealed record SyncAlertsResult(int Opened, int Updated, int Resolved, int Unchanged, int DeliveriesQueued, IReadOnlyList<Alert> Changed);

/// <summary>The alert lifecycle after an assessment (spec/operations.md): a new firing opens an alert, a firing already
/// open or acknowledged updates it and never duplicates it, an alert whose condition no longer fires resolves itself.
/// The webhook events of these changes go to the outbox in the same transaction; nothing is sent here (the dispatcher,
/// <see cref="Webhooks.DeliverWebhooks"/>, sends them), so a slow receiver never holds up an assessment.</summary>
/// <remarks>Besides the policy's early-warning rules, a guarantee or collateral of an assessed customer that expires
/// within <see cref="SyncAlertsRequest.CoverExpiryWarningDays"/> of T fires <c>cover_expiring</c> (metric
/// <c>days_to_expiry</c>, the nearest expiry), with the customer's severity.</remarks>
public static class SyncAlerts
{
    /// <summary>The rule id of the cover-expiry alert.</summary>
    public const string CoverExpiringRule = "cover_expiring";

    public static async Task<SyncAlertsResult> HandleAsync(SyncAlertsRequest request, IOperationsStore store,
        CreditPolicy policy, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var single = request.Customers.Count == 1 ? request.Customers[0].CustomerId : null;
        var prepared = await PrepareAsync(request.AsOf, single, store, policy, clock, request.CoverExpiryWarningDays, cancellationToken)
            .ConfigureAwait(false);
        var sync = prepared.For(request.Customers);
        var active = await store.ReadActiveAlertsAsync(single, cancellationToken).ConfigureAwait(false);
        var plan = sync.Plan(active);
        if (plan.Changes.Count == 0)
        {
            return plan.Result([], 0);
        }

        var (saved, queued) = await store.SaveAlertChangesAsync(plan.Changes, sync.At, cancellationToken).ConfigureAwait(false);
        return plan.Result(saved, queued);
    }

    /// <summary>Reads what a synchronisation needs besides the firings (the covers that expire within the warning) and
    /// stamps its instant, for a run that saves its alerts in its own transaction (<see cref="PreparedAlertSync.For"/>,
    /// <see cref="IRiskStore.SaveAssessmentsAsync(AssessmentRun, IReadOnlyList{AssessmentRecord}, RunAlertSync, CancellationToken)"/>).</summary>
    /// <remarks><c>customerId</c> is the one customer the run assesses, or null for all.</remarks>
    public static async Task<PreparedAlertSync> PrepareAsync(DateOnly asOf, string? customerId, IOperationsStore store, CreditPolicy policy,
        TimeProvider clock, int coverExpiryWarningDays = 30, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(coverExpiryWarningDays);
        var metrics = policy.Warnings.ToDictionary(w => w.Id, w => w.Metric.ToCode(), StringComparer.Ordinal);
        var expiring = await NearestExpiriesAsync(store, customerId, asOf, coverExpiryWarningDays, cancellationToken).ConfigureAwait(false);
        return new PreparedAlertSync(asOf, customerId, coverExpiryWarningDays, metrics, expiring, clock.GetUtcNow());
    }

    /// <summary>What fired for each customer: the policy's rules of its assessment, and <see cref="CoverExpiringRule"/>
    /// when one of its covers expires within the warning.</summary>
    internal static (Dictionary<string, IReadOnlyList<AlertFiring>> Firings, int Total) Firings(IReadOnlyList<CustomerAssessment> customers,
        IReadOnlyDictionary<string, string> metrics, IReadOnlyDictionary<string, int> expiring, int coverExpiryWarningDays)
    {
        var firings = new Dictionary<string, IReadOnlyList<AlertFiring>>(customers.Count, StringComparer.Ordinal);
        var total = 0;
        foreach (var customer in customers)
        {
            var list = new AlertFiring[customer.Alerts.Count + (expiring.ContainsKey(customer.CustomerId) ? 1 : 0)];
            var i = 0;
            foreach (var alert in customer.Alerts)
            {
                var metric = metrics.TryGetValue(alert.Rule, out var m) ? m : MetricFromMessage(alert.Message);
                list[i++] = new AlertFiring(alert.Rule, metric, alert.Threshold, Math.Round(alert.Value, 4, MidpointRounding.AwayFromZero),
                    alert.Severity, alert.Message);
            }

            if (expiring.TryGetValue(customer.CustomerId, out var days))
            {
                list[i] = new AlertFiring(CoverExpiringRule, "days_to_expiry", coverExpiryWarningDays, days, customer.RiskSeverity,
                    $"{CoverExpiringRule}: days_to_expiry {days} le {coverExpiryWarningDays}");
            }

            total += list.Length;
            firings[customer.CustomerId] = list;
        }

        return (firings, total);
    }

    /// <summary>Days to the nearest expiry of each customer's covers that count on T and expire within the warning.</summary>
    private static async Task<Dictionary<string, int>> NearestExpiriesAsync(IOperationsStore store, string? customerId,
        DateOnly asOf, int warningDays, CancellationToken cancellationToken)
    {
        var nearest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in await store.ReadCollateralAsync(customerId, cancellationToken).ConfigureAwait(false))
        {
            if (item.CountsOn(asOf) && item.DaysToExpiry(asOf) is { } days && days <= warningDays
                && (!nearest.TryGetValue(item.CustomerId, out var seen) || days < seen))
            {
                nearest[item.CustomerId] = days;
            }
        }

        return nearest;
    }

    /// <summary>"rule: metric value cmp threshold" → metric, for a rule the given policy does not know.</summary>
    private static string MetricFromMessage(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var rest = colon >= 0 ? message[(colon + 2)..] : message;
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? rest[..space] : rest;
    }
}
