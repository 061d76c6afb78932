using CustomerRisk.Analytics;
using CustomerRisk.Application.Ports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Models;

/// <summary>Asks for the PD training table.</summary>
/// <param name="From">The first snapshot is the first month end on or after this date; null: the first month end at
/// least <see cref="MinHistoryDays"/> after the earliest invoice.</param>
/// <param name="To">The last snapshot is the last month end on or before this date; null: the last month end with a
/// full horizon of later history (T + 365 ≤ the latest record). A later date is refused.</param>
public sealed record BuildTrainingTableRequest(DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Days of history before the first default snapshot: 183.</summary>
    public const int MinHistoryDays = 183;
}

/// <summary>
/// Builds the customer PD model's training table from the product's own history (docs/modeling.md): for each
/// snapshot date T (month ends), each active customer's inputs as of T (<see cref="PdFeatures"/>, from the indicators
/// computed on the ledger as of T, so nothing after T is read) and the label: an invoice reaches 90+ days past due in
/// (T, T + 365] (<see cref="DefaultEvent"/>). A customer is in the table at T when it has an invoice issued on or
/// before T, and an invoice issued in (T − 365, T] or an open amount at T, and is not already in default at T.
/// </summary>
public static class BuildTrainingTable
{
    /// <summary>Reads the store twice: once for the dates the data covers, once to build the rows.</summary>
    /// <exception cref="ArgumentException">The store is empty, the dates are out of order, or <c>To</c> leaves less
    /// than the label's horizon of later history.</exception>
    public static async Task<TrainingTable> HandleAsync(BuildTrainingTableRequest request, IRiskStore store,
        CreditPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        DateOnly? firstInvoice = null;
        DateOnly? dataEnd = null;
        await foreach (var ledger in store.ReadLedgersAsync(DateOnly.MaxValue, null, cancellationToken).ConfigureAwait(false))
        {
            var (first, last) = Span(ledger);
            if (first is { } f && (firstInvoice is null || f < firstInvoice))
            {
                firstInvoice = f;
            }

            if (last is { } l && (dataEnd is null || l > dataEnd))
            {
                dataEnd = l;
            }
        }

        if (firstInvoice is null || dataEnd is null)
        {
            throw new ArgumentException("The store holds no invoices: import a ledger first.");
        }

        var snapshots = Snapshots(request, firstInvoice.Value, dataEnd.Value);
        var rows = new List<TrainingRow>();
        var perSnapshot = new List<TrainingRow>[snapshots.Count];
        for (var s = 0; s < perSnapshot.Length; s++)
        {
            perSnapshot[s] = [];
        }

        var indicatorPolicy = IndicatorPolicy.Default;
        var workspace = new IndicatorWorkspace();
        var labelWorkspace = new IndicatorWorkspace();
        await foreach (var ledger in store.ReadLedgersAsync(DateOnly.MaxValue, null, cancellationToken).ConfigureAwait(false))
        {
            var s = 0;
            foreach (var row in RowsOf(ledger, snapshots, dataEnd.Value, indicatorPolicy, policy, workspace, labelWorkspace))
            {
                while (snapshots[s] != row.AsOf)
                {
                    s++;
                }

                perSnapshot[s].Add(row);
            }
        }

        foreach (var list in perSnapshot)
        {
            rows.AddRange(list);
        }

        return new TrainingTable(rows, snapshots, dataEnd.Value);
    }

    /// <summary>The rows of one customer at the given snapshots (those where it is in the table).</summary>
    /// <param name="ledger">The customer's whole ledger.</param>
    /// <param name="snapshots">Snapshot dates, each with T + 365 ≤ <paramref name="dataEnd"/>.</param>
    /// <param name="dataEnd">The latest date of the store's records.</param>
    /// <param name="indicatorPolicy">Indicator settings.</param>
    /// <param name="policy">The credit policy, for the expert PD column.</param>
    /// <param name="workspace">Indicator workspace (not shared between threads).</param>
    /// <param name="labelWorkspace">A second workspace, for the cash application behind the label.</param>
    public static IEnumerable<TrainingRow> RowsOf(CustomerLedger ledger, IReadOnlyList<DateOnly> snapshots, DateOnly dataEnd,
        IndicatorPolicy indicatorPolicy, CreditPolicy policy, IndicatorWorkspace workspace, IndicatorWorkspace labelWorkspace)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(snapshots);
        // One cash application as of the data's end serves every snapshot: a settled date depends only on the
        // records dated on or before it.
        var settlements = CashApplication.Apply(ledger, dataEnd, indicatorPolicy, labelWorkspace, out _).ToArray();
        var rows = new List<TrainingRow>();
        foreach (var t in snapshots)
        {
            if (!Active(ledger, settlements, t) || DefaultEvent.InDefaultAt(ledger.Invoices.Span, settlements, t))
            {
                continue;
            }

            var now = IndicatorCalculator.Compute(ledger, t, indicatorPolicy, workspace);
            var inputs = ExpertScoreInputs.From(ledger, now, t);
            var values = new double[PdFeatures.Count];
            PdFeatures.Fill(ledger.Customer, now, inputs.HistoryMonths, values);
            var expert = CreditScorer.Score(inputs, policy);
            var defaulted = DefaultEvent.OccursWithin(ledger.Invoices.Span, settlements, t);
            rows.Add(new TrainingRow(ledger.Customer.CustomerId, t, values, defaulted, (double)expert.Pd));
        }

        return rows;
    }

    /// <summary>Month ends from the first on or after <c>From</c> (or the default) to the last on or before <c>To</c>
    /// (or the default).</summary>
    public static IReadOnlyList<DateOnly> Snapshots(BuildTrainingTableRequest request, DateOnly firstInvoice, DateOnly dataEnd)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latest = dataEnd.AddDays(-DefaultEvent.HorizonDays);
        var from = request.From ?? firstInvoice.AddDays(BuildTrainingTableRequest.MinHistoryDays);
        var to = request.To ?? latest;
        if (to > latest)
        {
            throw new ArgumentException(
                $"The last snapshot {to:yyyy-MM-dd} needs history up to {to.AddDays(DefaultEvent.HorizonDays):yyyy-MM-dd}; the data ends on {dataEnd:yyyy-MM-dd}, so the latest possible is {latest:yyyy-MM-dd}.");
        }

        var snapshots = new List<DateOnly>();
        for (var t = MonthEnd(from); t <= to; t = MonthEnd(t.AddDays(1)))
        {
            snapshots.Add(t);
        }

        if (snapshots.Count == 0)
        {
            throw new ArgumentException(
                $"No month end lies between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}: the data ({firstInvoice:yyyy-MM-dd} to {dataEnd:yyyy-MM-dd}) is too short for a 12-month outcome.");
        }

        return snapshots;
    }

    private static DateOnly MonthEnd(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    /// <summary>Has bought by T, and bought in the last 365 days or still owes something at T.</summary>
    private static bool Active(CustomerLedger ledger, ReadOnlySpan<InvoiceSettlement> settlements, DateOnly t)
    {
        var invoices = ledger.Invoices.Span;
        var windowStart = t.AddDays(-365);
        for (var i = 0; i < invoices.Length; i++)
        {
            var issue = invoices[i].IssueDate;
            if (issue > t)
            {
                continue;
            }

            if (issue > windowStart)
            {
                return true;
            }

            // Open at T: not settled by T (a settled date after T means it was still open then).
            if (settlements[i].SettledDate is not { } settled || settled > t)
            {
                return true;
            }
        }

        return false;
    }

    private static (DateOnly? FirstInvoice, DateOnly? Last) Span(CustomerLedger ledger)
    {
        DateOnly? first = null;
        DateOnly? last = null;
        foreach (var invoice in ledger.Invoices.Span)
        {
            first = first is null || invoice.IssueDate < first ? invoice.IssueDate : first;
            last = Max(last, invoice.IssueDate);
        }

        foreach (var payment in ledger.Payments.Span)
        {
            last = Max(last, payment.PaymentDate);
        }

        foreach (var claim in ledger.Claims.Span)
        {
            last = Max(last, claim.ClaimDate);
        }

        foreach (var interaction in ledger.Interactions.Span)
        {
            last = Max(last, interaction.Date);
        }

        return (first, last);
    }

    private static DateOnly? Max(DateOnly? a, DateOnly b) => a is null || b > a ? b : a;
}
