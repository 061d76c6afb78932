using System.Collections.Immutable;

namespace CustomerRisk.Analytics;

/// <summary>Applies a customer's payments to its invoices as of a date, as spec/data-formats.md says: a payment
/// naming an invoice goes to that invoice first; any unnamed payment and any remainder goes to the open invoices
/// oldest-first (due date, then issue date, then invoice id: the ledger's order) among those issued on or before the
/// payment date; what is left is unapplied credit, which goes oldest-first to later invoices on their issue date.
/// Only records dated on or before T count. Stateless and thread-safe (a workspace is not).</summary>
/// <remarks>Choices the spec leaves open (docs/indicators.md): an invoice issued after T is ignored entirely; a
/// payment naming an invoice that is settled, or not yet issued on the payment date, is applied as if it named none;
/// an invoice whose open amount falls to the settle tolerance or below is settled and its remainder counts as paid;
/// on one day, invoices issued that day take unapplied credit first, then that day's payments are applied in ledger
/// order.</remarks>
public static class CashApplication
{
    /// <summary>Marks an invoice still open in <see cref="ApplyCore"/>'s settled days.</summary>
    internal const int Open = int.MaxValue;

    /// <summary>Marks an invoice issued after T in <see cref="ApplyCore"/>'s settled days.</summary>
    internal const int NotIssued = int.MinValue;

    /// <summary>Applies the cash of <paramref name="ledger"/> as of <paramref name="asOf"/>, allocating the result.</summary>
    /// <exception cref="ArgumentException">The policy or the ledger is invalid (see
    /// <see cref="Apply(CustomerLedger, DateOnly, IndicatorPolicy, IndicatorWorkspace, out decimal)"/>).</exception>
    public static CashApplicationResult Apply(CustomerLedger ledger, DateOnly asOf, IndicatorPolicy policy)
    {
        var settlements = Apply(ledger, asOf, policy, new IndicatorWorkspace(), out var credit);
        return new CashApplicationResult
        {
            AsOf = asOf,
            Invoices = ImmutableArray.Create(settlements.ToArray()),
            UnappliedCredit = credit,
        };
    }

    /// <summary>Applies the cash of <paramref name="ledger"/> as of <paramref name="asOf"/> into the workspace,
    /// without allocating.</summary>
    /// <param name="ledger">The customer's ledger, sorted as <see cref="CustomerLedger"/> says.</param>
    /// <param name="asOf">The as-of date T; later records are ignored.</param>
    /// <param name="policy">Gives the settle tolerance.</param>
    /// <param name="workspace">Holds the result; not shared between threads.</param>
    /// <param name="unappliedCredit">Cash on or before T not absorbed by any invoice, money ≥ 0.</param>
    /// <returns>One settlement per invoice in ledger order, valid until the workspace is used again.</returns>
    /// <exception cref="ArgumentException">The policy is invalid, or an invoice has an amount ≤ 0 or a due date
    /// before its issue date, invoices are not sorted by due date then issue date, a payment has an amount ≤ 0 or an
    /// invoice index outside [-1, invoice count), or payments are not sorted by date.</exception>
    public static ReadOnlySpan<InvoiceSettlement> Apply(
        CustomerLedger ledger, DateOnly asOf, IndicatorPolicy policy, IndicatorWorkspace workspace, out decimal unappliedCredit)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.EnsureValidated(policy);
        var invoices = ledger.Invoices.Span;
        var remaining = workspace.Remaining(invoices.Length);
        var settledDay = workspace.SettledDay(invoices.Length);
        unappliedCredit = ApplyCore(ledger, asOf.DayNumber, policy.SettleTolerance, remaining, settledDay, workspace);

        var settlements = workspace.Settlements(invoices.Length);
        for (var i = 0; i < settlements.Length; i++)
        {
            settlements[i] = settledDay[i] switch
            {
                NotIssued => new InvoiceSettlement(false, 0m, 0m, null),
                Open => new InvoiceSettlement(true, remaining[i], invoices[i].Amount - remaining[i], null),
                var day => new InvoiceSettlement(true, 0m, invoices[i].Amount - remaining[i], DateOnly.FromDayNumber(day)),
            };
        }

        return settlements;
    }

    /// <summary>The sweep: invoices and payments in date order, one pass over the payments.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="asOf">T as a day number.</param>
    /// <param name="tolerance">The settle tolerance.</param>
    /// <param name="remaining">Out: per invoice, its amount less the cash applied (what is still owed, or the
    /// written-off remainder of at most the tolerance once settled; the amount itself when not issued).</param>
    /// <param name="settledDay">Out: per invoice, the day number it was settled, <see cref="Open"/> or
    /// <see cref="NotIssued"/>.</param>
    /// <param name="workspace">Scratch for the issue-date order.</param>
    /// <returns>The unapplied credit at T.</returns>
    internal static decimal ApplyCore(
        CustomerLedger ledger, int asOf, decimal tolerance, Span<decimal> remaining, Span<int> settledDay, IndicatorWorkspace workspace)
    {
        var invoices = ledger.Invoices.Span;
        var payments = ledger.Payments.Span;
        var count = invoices.Length;

        var previousDue = int.MinValue;
        var previousIssue = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            ref readonly var invoice = ref invoices[i];
            var issue = invoice.IssueDate.DayNumber;
            var due = invoice.DueDate.DayNumber;
            if (!DecimalBits.IsAboveZero(invoice.Amount))
            {
                throw LedgerError(ledger, $"invoice {i} has amount {invoice.Amount}; an invoice amount must be greater than 0");
            }

            if (due < issue)
            {
                throw LedgerError(ledger, $"invoice {i} falls due on {invoice.DueDate:yyyy-MM-dd}, before its issue date {invoice.IssueDate:yyyy-MM-dd}");
            }

            if (due < previousDue || (due == previousDue && issue < previousIssue))
            {
                throw LedgerError(ledger, $"invoice {i} is out of order; invoices must be sorted by due date, then issue date, then invoice id");
            }

            previousDue = due;
            previousIssue = issue;
            remaining[i] = invoice.Amount;
            settledDay[i] = issue <= asOf ? Open : NotIssued;
        }

        var credit = 0m;
        var creditSince = 0;      // credit waits for invoices issued after this day
        var creditCursor = -1;    // position in the issue-date order; -1 until the order is built
        var firstOpen = 0;        // every invoice before it is settled or never issued
        var previousPayment = int.MinValue;
        for (var p = 0; p < payments.Length; p++)
        {
            ref readonly var payment = ref payments[p];
            var day = payment.PaymentDate.DayNumber;
            var cash = payment.Amount;
            var named = payment.InvoiceIndex;
            if (!DecimalBits.IsAboveZero(cash))
            {
                throw LedgerError(ledger, $"payment {p} has amount {cash}; a payment amount must be greater than 0");
            }

            if (named < -1 || named >= count)
            {
                throw LedgerError(ledger, $"payment {p} names invoice index {named}, but the ledger has {count} invoices (-1 means none)");
            }

            if (day < previousPayment)
            {
                throw LedgerError(ledger, $"payment {p} is out of order; payments must be sorted by payment date");
            }

            previousPayment = day;
            if (day > asOf)
            {
                // Sorted by date, so the rest is later still; keep validating them so a bad file fails the same way
                // whatever the as-of date.
                continue;
            }

            if (DecimalBits.IsAboveZero(credit))
            {
                credit = ApplyCreditToIssues(invoices, credit, creditSince, day, tolerance, remaining, settledDay, workspace, ref creditCursor);
            }

            if (named >= 0 && settledDay[named] == Open && invoices[named].IssueDate.DayNumber <= day)
            {
                cash = ApplyTo(remaining, settledDay, named, cash, day, tolerance);
            }

            if (DecimalBits.IsAboveZero(cash))
            {
                for (var i = firstOpen; i < count; i++)
                {
                    if (settledDay[i] != Open || invoices[i].IssueDate.DayNumber > day)
                    {
                        continue;
                    }

                    cash = ApplyTo(remaining, settledDay, i, cash, day, tolerance);
                    if (DecimalBits.IsZero(cash))
                    {
                        break;
                    }
                }

                if (DecimalBits.IsAboveZero(cash))
                {
                    // Every invoice issued by this day is settled now: the rest waits for the next invoices.
                    credit += cash;
                    creditSince = day;
                }
            }

            while (firstOpen < count && settledDay[firstOpen] != Open)
            {
                firstOpen++;
            }
        }

        if (DecimalBits.IsAboveZero(credit))
        {
            credit = ApplyCreditToIssues(invoices, credit, creditSince, asOf, tolerance, remaining, settledDay, workspace, ref creditCursor);
        }

        return credit;
    }

    /// <summary>Unapplied credit goes to invoices issued in (since, until], on their issue dates, oldest-first.
    /// Every invoice issued on or before <paramref name="since"/> is settled whenever credit is left, so these are
    /// the only candidates.</summary>
    private static decimal ApplyCreditToIssues(
        ReadOnlySpan<InvoiceLine> invoices, decimal credit, int since, int until, decimal tolerance,
        Span<decimal> remaining, Span<int> settledDay, IndicatorWorkspace workspace, ref int cursor)
    {
        var order = workspace.IssueOrder(invoices.Length);
        if (cursor < 0)
        {
            BuildIssueOrder(invoices, order);
            cursor = 0;
        }

        while (cursor < order.Length && invoices[order[cursor]].IssueDate.DayNumber <= since)
        {
            cursor++;
        }

        while (DecimalBits.IsAboveZero(credit) && cursor < order.Length)
        {
            var i = order[cursor];
            var issue = invoices[i].IssueDate.DayNumber;
            if (issue > until)
            {
                break;
            }

            if (settledDay[i] == Open)
            {
                credit = ApplyTo(remaining, settledDay, i, credit, issue, tolerance);
            }

            if (settledDay[i] != Open)
            {
                cursor++;
            }
        }

        return credit;
    }

    /// <summary>Invoice positions by issue date, then ledger position. Insertion sort: the ledger is sorted by due
    /// date, so issue dates are nearly sorted already.</summary>
    private static void BuildIssueOrder(ReadOnlySpan<InvoiceLine> invoices, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var issue = invoices[i].IssueDate.DayNumber;
            var j = i - 1;
            while (j >= 0 && invoices[order[j]].IssueDate.DayNumber > issue)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = i;
        }
    }

    /// <summary>Applies up to <paramref name="cash"/> to one open invoice; returns what is left of the cash.</summary>
    private static decimal ApplyTo(Span<decimal> remaining, Span<int> settledDay, int index, decimal cash, int day, decimal tolerance)
    {
        var owed = remaining[index];
        if (cash >= owed)
        {
            remaining[index] = 0m;
            settledDay[index] = day;
            return cash - owed;
        }

        var rest = owed - cash;
        remaining[index] = rest;
        if (rest <= tolerance)
        {
            settledDay[index] = day;
        }

        return 0m;
    }

    private static ArgumentException LedgerError(CustomerLedger ledger, string problem) =>
        new($"Customer {ledger.Customer?.CustomerId ?? "(unknown)"}: {problem}.", nameof(ledger));
}
