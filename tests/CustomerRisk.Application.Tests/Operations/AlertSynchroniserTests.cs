using CustomerRisk.Application.Alerts;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Operations;

public sealed class AlertSynchroniserTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int day) => new DateOnly(2026, 9, 1).AddDays(day);

    private static AlertFiring F(string rule, decimal value = 1m, string severity = "low") => new(rule, rule, 0m, value, severity, rule);

    private static Dictionary<string, IReadOnlyList<AlertFiring>> Run(params (string Customer, AlertFiring[] Firings)[] customers) =>
        customers.ToDictionary(c => c.Customer, c => (IReadOnlyList<AlertFiring>)c.Firings, StringComparer.Ordinal);

    /// <summary>Applies changes as a store would (new ids for new alerts), returning the alerts after.</summary>
    private static List<Alert> Apply(List<Alert> alerts, IReadOnlyList<AlertChange> changes)
    {
        var next = alerts.ToDictionary(a => a.AlertId);
        foreach (var change in changes)
        {
            var alert = change.Alert.AlertId == 0 ? change.Alert with { AlertId = next.Count + 1 } : change.Alert;
            next[alert.AlertId] = alert;
        }

        return next.Values.OrderBy(a => a.AlertId).ToList();
    }

    [Fact]
    public void NewFiring_Opens_WithFirstAndLastSeenOnT()
    {
        var changes = AlertSynchroniser.Plan(D(0), Run(("C1", [F("dormant")])), [], At);

        var change = Assert.Single(changes);
        Assert.Equal(AlertEvents.Opened, change.Event);
        Assert.Equal((AlertStatus.Open, D(0), D(0), 0L), (change.Alert.Status, change.Alert.FirstSeen, change.Alert.LastSeen, change.Alert.AlertId));
    }

    [Fact]
    public void SameFiringAgainOnTheSameDate_ChangesNothing_AndOnALaterDate_OnlyMovesLastSeen()
    {
        var alerts = Apply([], AlertSynchroniser.Plan(D(0), Run(("C1", [F("dormant")])), [], At));

        var same = AlertSynchroniser.Plan(D(0), Run(("C1", [F("dormant")])), alerts, At);
        var later = AlertSynchroniser.Plan(D(30), Run(("C1", [F("dormant")])), alerts, At);

        Assert.Empty(same);
        var change = Assert.Single(later);
        Assert.Null(change.Event);
        Assert.Equal((1L, D(0), D(30), AlertStatus.Open), (change.Alert.AlertId, change.Alert.FirstSeen, change.Alert.LastSeen, change.Alert.Status));
    }

    [Fact]
    public void SeverityChange_RaisesSeverityChanged_AndKeepsAnAcknowledgement()
    {
        var alerts = Apply([], AlertSynchroniser.Plan(D(0), Run(("C1", [F("dormant")])), [], At));
        alerts[0] = alerts[0] with { Status = AlertStatus.Acknowledged, AcknowledgedBy = "mei" };

        var change = Assert.Single(AlertSynchroniser.Plan(D(1), Run(("C1", [F("dormant", severity: "high")])), alerts, At));

        Assert.Equal(AlertEvents.SeverityChanged, change.Event);
        Assert.Equal((AlertStatus.Acknowledged, "mei", "high"), (change.Alert.Status, change.Alert.AcknowledgedBy, change.Alert.Severity));
    }

    [Fact]
    public void ClearedCondition_Resolves_ButOnlyForAssessedCustomers_AndNotFromAnOlderRun()
    {
        var alerts = Apply([], AlertSynchroniser.Plan(D(10), Run(("C1", [F("dormant")]), ("C2", [F("dormant")])), [], At));

        var onlyC1 = AlertSynchroniser.Plan(D(20), Run(("C1", [])), alerts, At);
        var older = AlertSynchroniser.Plan(D(9), Run(("C1", []), ("C2", [])), alerts, At);
        var sameDay = AlertSynchroniser.Plan(D(10), Run(("C1", [])), alerts, At);

        var resolved = Assert.Single(onlyC1);
        Assert.Equal(("C1", AlertStatus.Resolved, AlertSynchroniser.Cleared, D(20), At), (resolved.Alert.CustomerId, resolved.Alert.Status, resolved.Alert.Resolution, resolved.Alert.ResolvedOn!.Value, resolved.Alert.ResolvedAt!.Value));
        Assert.Empty(older);
        Assert.Single(sameDay);
    }

    [Fact]
    public void ResolvedAlert_IsNotReopened_AFreshFiringOpensANewOne_AndADuplicateFiringInOneRunCountsOnce()
    {
        var alerts = Apply([], AlertSynchroniser.Plan(D(0), Run(("C1", [F("dormant")])), [], At));
        alerts = Apply(alerts, AlertSynchroniser.Plan(D(1), Run(("C1", [])), alerts, At));

        var changes = AlertSynchroniser.Plan(D(2), Run(("C1", [F("dormant"), F("dormant", 2m)])), alerts, At);

        var opened = Assert.Single(changes);
        Assert.Equal((AlertEvents.Opened, 0L, 1m), (opened.Event, opened.Alert.AlertId, opened.Alert.Value));
    }

    [Fact]
    public void AnyRunSequence_KeepsAtMostOneActiveAlertPerCustomerAndRule_AndEndsWithActiveAlertsExactlyForTheLastFirings()
    {
        var rules = new[] { "a", "b", "c" };
        var customers = new[] { "C1", "C2" };
        var runs = Gen.ListOf(Gen.ArrayOf(Gen.Elements(true, false), customers.Length * rules.Length)).Select(l => l.ToArray());
        Prop.ForAll(runs.ToArbitrary(), sequence =>
        {
            var alerts = new List<Alert>();
            var day = 0;
            bool[]? last = null;
            foreach (var fires in sequence)
            {
                var run = new Dictionary<string, IReadOnlyList<AlertFiring>>(StringComparer.Ordinal);
                for (var c = 0; c < customers.Length; c++)
                {
                    run[customers[c]] = rules.Where((_, r) => fires[(c * rules.Length) + r]).Select(r => F(r)).ToArray();
                }

                alerts = Apply(alerts, AlertSynchroniser.Plan(D(day++), run, alerts, At));
                // Re-running the same date is a no-op.
                if (AlertSynchroniser.Plan(D(day - 1), run, alerts, At).Count != 0)
                {
                    return false;
                }

                last = fires;
            }

            var active = alerts.Where(a => a.IsActive).Select(a => (a.CustomerId, a.RuleId)).ToList();
            var expected = last is null ? [] : customers.SelectMany((c, ci) => rules.Where((_, r) => last[(ci * rules.Length) + r]).Select(r => (c, r))).ToList();
            return active.Count == active.Distinct().Count() && active.ToHashSet().SetEquals(expected);
        }).QuickCheckThrowOnFailure();
    }
}
