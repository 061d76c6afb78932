using CustomerRisk.Analytics;

namespace CustomerRisk.Application.Models;

/// <summary>
/// The outcome the customer PD model predicts (docs/modeling.md): an invoice of the customer reaches 90 or more days
/// past due. An invoice reaches it on its <em>default day</em>, due date + 90, when it was not settled (per cash
/// application, spec/data-formats.md) before that day: an invoice paid 89 days late never reaches it, one paid 90 days
/// late (its days late, settled date − due date, is 90) or later, or never paid, does.
/// </summary>
public static class DefaultEvent
{
    /// <summary>Days past due that make a default: 90.</summary>
    public const int DaysPastDue = 90;

    /// <summary>The label's horizon after the snapshot: 365 days.</summary>
    public const int HorizonDays = 365;

    /// <summary>True when an invoice of the ledger reaches its default day in (T, T + horizon] — invoices already open
    /// at T and invoices issued later alike. Settlements must come from cash application as of T + horizon or any
    /// later date: a settled date on or before T + horizon does not depend on later records.</summary>
    /// <param name="invoices">The ledger's invoices.</param>
    /// <param name="settlements">One settlement per invoice, as of T + horizon or later.</param>
    /// <param name="snapshot">The snapshot date T.</param>
    /// <param name="horizonDays">The horizon in days, at least 1.</param>
    public static bool OccursWithin(ReadOnlySpan<InvoiceLine> invoices, ReadOnlySpan<InvoiceSettlement> settlements,
        DateOnly snapshot, int horizonDays = HorizonDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        var first = snapshot.DayNumber + 1;
        var last = snapshot.DayNumber + horizonDays;
        for (var i = 0; i < invoices.Length; i++)
        {
            var defaultDay = invoices[i].DueDate.DayNumber + DaysPastDue;
            if (defaultDay >= first && defaultDay <= last && settlements[i].IsIssued && !SettledBefore(settlements[i], defaultDay))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the customer is in default at T: an invoice whose default day is on or before T was not
    /// settled before that day and is still open at T (settlements as of T or later). Such a customer is left out of
    /// the training table: the model predicts a default to come, not one that has happened.</summary>
    /// <param name="invoices">The ledger's invoices.</param>
    /// <param name="settlements">One settlement per invoice, as of T or later.</param>
    /// <param name="snapshot">The snapshot date T.</param>
    public static bool InDefaultAt(ReadOnlySpan<InvoiceLine> invoices, ReadOnlySpan<InvoiceSettlement> settlements, DateOnly snapshot)
    {
        var t = snapshot.DayNumber;
        for (var i = 0; i < invoices.Length; i++)
        {
            var defaultDay = invoices[i].DueDate.DayNumber + DaysPastDue;
            if (defaultDay <= t && invoices[i].IssueDate.DayNumber <= t && settlements[i].IsIssued
                && (settlements[i].SettledDate is not { } settled || settled.DayNumber > t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SettledBefore(InvoiceSettlement settlement, int day) =>
        settlement.SettledDate is { } settled && settled.DayNumber < day;
}
