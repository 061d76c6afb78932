using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Collections;

/// <summary>One line of the collection worklist.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="AssessedAsOf">The as-of date of the saved assessment the figures come from.</param>
/// <param name="OverdueAr">Overdue receivables.</param>
/// <param name="Pd">Probability of default, 0–1.</param>
/// <param name="Lgd">LGD after the collateral and guarantees that count on T, 0–1.</param>
/// <param name="LossOnOverdue">overdue_ar × PD × LGD, the order of the list.</param>
/// <param name="OldestDaysPastDue">Days past due of the oldest open invoice.</param>
/// <param name="DunningLevel">none, L1…L4.</param>
/// <param name="DunningAction">What the level asks the collector to do.</param>
/// <param name="LastAction">The latest collection action, when any.</param>
/// <param name="OpenPromise">The earliest open promise to pay, when any.</param>
public sealed record WorklistRow(string CustomerId, string? Name, DateOnly AssessedAsOf, decimal OverdueAr, decimal Pd, decimal Lgd,
    decimal LossOnOverdue, int OldestDaysPastDue, string DunningLevel, string DunningAction, CollectionAction? LastAction,
    PaymentPromise? OpenPromise);

/// <summary>The collection worklist (spec/operations.md): customers with overdue_ar &gt; 0 in their latest saved
/// assessment on or before T, ordered by expected loss on the overdue part (overdue_ar × PD × LGD, LGD lowered by the
/// cover counted on T), then by oldest days past due, then customer id; with the dunning level, the last action and
/// the open promise.</summary>
public static class CollectionWorklist
{
    public static Task<IReadOnlyList<WorklistRow>> HandleAsync(DateOnly asOf, IOperationsStore store, CreditPolicy policy,
        CancellationToken cancellationToken = default) => HandleAsync(asOf, store, policy, null, cancellationToken);

    /// <summary>The worklist's rows of <paramref name="customers"/> only (the ones decided on since a kept worklist,
    /// <see cref="WorklistQueue"/>), in the worklist's order; every customer's when null.</summary>
    public static async Task<IReadOnlyList<WorklistRow>> HandleAsync(DateOnly asOf, IOperationsStore store, CreditPolicy policy,
        IReadOnlyCollection<string>? customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var history = new List<(Ports.AssessmentRecord Latest, Domain.Grade? PreviousGrade)>();
        var actions = new List<CollectionAction>();
        var open = new List<PaymentPromise>();
        // The whole portfolio in one read of each table, or the few customers asked for one by one.
        foreach (var id in customers?.Distinct(StringComparer.Ordinal) ?? [null])
        {
            history.AddRange(await store.ReadAssessmentHistoryAsync(asOf, id, overdueOnly: true, includeDetails: true, cancellationToken)
                .ConfigureAwait(false));
            actions.AddRange(await store.ReadActionsAsync(id, cancellationToken).ConfigureAwait(false));
            open.AddRange(await store.ReadPromisesAsync(id, PromiseStatus.Open, cancellationToken).ConfigureAwait(false));
        }

        var covers = await store.ReadCoversAsync(asOf, cancellationToken).ConfigureAwait(false);
        var lastActions = LastActions(actions);
        var promises = FirstOpenPromises(open);
        var rows = new List<WorklistRow>();
        foreach (var (latest, _) in history)
        {
            if (latest.OverdueAr <= 0m)
            {
                continue;
            }

            var details = OperationLookups.Details(latest);
            var pd = latest.Pd ?? 0m;
            var loss = ExpectedLoss.Compute(pd, latest.Exposure, covers.TryGetValue(latest.CustomerId, out var c) ? c : [], asOf, policy);
            var dunning = Dunning.LevelFor(Math.Max(0, details.OldestDaysPastDue), policy);
            rows.Add(new WorklistRow(latest.CustomerId, details.Name, latest.AsOf, latest.OverdueAr, pd, loss.EffectiveLgd,
                ExpectedLoss.OnAmount(pd, loss.EffectiveLgd, latest.OverdueAr), details.OldestDaysPastDue, dunning.Level.ToCode(), dunning.Action,
                lastActions.GetValueOrDefault(latest.CustomerId), promises.GetValueOrDefault(latest.CustomerId)));
        }

        return rows
            .OrderByDescending(r => r.LossOnOverdue)
            .ThenByDescending(r => r.OldestDaysPastDue)
            .ThenBy(r => r.CustomerId, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Each customer's latest action (by action date, then the latest recorded).</summary>
    internal static Dictionary<string, CollectionAction> LastActions(IEnumerable<CollectionAction> actions) => actions
        .GroupBy(a => a.CustomerId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ActionDate).ThenByDescending(a => a.ActionId).First(), StringComparer.Ordinal);

    /// <summary>Each customer's earliest open promise (by promised date, then the first recorded).</summary>
    internal static Dictionary<string, PaymentPromise> FirstOpenPromises(IEnumerable<PaymentPromise> open) => open
        .Where(p => p.Status == PromiseStatus.Open)
        .GroupBy(p => p.CustomerId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(p => p.PayBy).ThenBy(p => p.PromiseId).First(), StringComparer.Ordinal);
}
