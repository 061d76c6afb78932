using CustomerRisk.Analytics;

namespace CustomerRisk.Application.Backtest;

/// <summary>What the backtest keeps of one customer's whole ledger: when it became a customer, its invoices (for the
/// typical order) and the spells in which one of its invoices was at least the bad number of days past due.</summary>
internal sealed class CustomerHistory
{
    private CustomerHistory(DateOnly? since, int[] issueDays, decimal[] amounts, (int From, int To)[] badSpells, int lastDay)
    {
        Since = since;
        IssueDays = issueDays;
        Amounts = amounts;
        BadSpells = badSpells;
        LastDay = lastDay;
    }

    /// <summary>customer_since, else the first invoice's issue date; null when neither is known.</summary>
    public DateOnly? Since { get; }

    /// <summary>Issue days (day numbers) of the invoices, ascending, with <see cref="Amounts"/> beside them.</summary>
    public int[] IssueDays { get; }

    /// <summary>Invoice amounts in the order of <see cref="IssueDays"/>.</summary>
    public decimal[] Amounts { get; }

    /// <summary>Day ranges (inclusive) in which an invoice was open and at least the bad days past due.</summary>
    public (int From, int To)[] BadSpells { get; }

    /// <summary>The last day the ledger has a record of (an invoice or a payment); 0 when none.</summary>
    public int LastDay { get; }

    /// <summary>Reads a customer's history. The cash application runs over the whole ledger, so each invoice's
    /// settled date is the one a credit manager would have seen on that day (later payments never change an
    /// earlier settlement).</summary>
    public static CustomerHistory From(CustomerLedger ledger, int badDaysPastDue)
    {
        var invoices = ledger.Invoices.Span;
        var payments = ledger.Payments.Span;
        var lastDay = 0;
        DateOnly? firstInvoice = null;
        var order = new (int Day, decimal Amount)[invoices.Length];
        for (var i = 0; i < invoices.Length; i++)
        {
            order[i] = (invoices[i].IssueDate.DayNumber, invoices[i].Amount);
            lastDay = Math.Max(lastDay, invoices[i].IssueDate.DayNumber);
            if (firstInvoice is null || invoices[i].IssueDate < firstInvoice)
            {
                firstInvoice = invoices[i].IssueDate;
            }
        }

        foreach (var payment in payments)
        {
            lastDay = Math.Max(lastDay, payment.PaymentDate.DayNumber);
        }

        Array.Sort(order, (a, b) => a.Day.CompareTo(b.Day));
        var spells = new List<(int, int)>();
        if (invoices.Length > 0)
        {
            var settlements = CashApplication.Apply(ledger, DateOnly.FromDayNumber(lastDay), IndicatorPolicy.Default).Invoices;
            for (var i = 0; i < invoices.Length; i++)
            {
                var from = invoices[i].DueDate.DayNumber + badDaysPastDue;
                var to = settlements[i].SettledDate is { } settled ? settled.DayNumber - 1 : int.MaxValue;
                if (from <= to)
                {
                    spells.Add((from, to));
                }
            }
        }

        return new CustomerHistory(ledger.Customer.CustomerSince ?? firstInvoice, order.Select(o => o.Day).ToArray(),
            order.Select(o => o.Amount).ToArray(), [.. spells], lastDay);
    }

    /// <summary>Whether the customer was a customer at <paramref name="asOf"/>: its relationship (or first invoice)
    /// began on or before it.</summary>
    public bool IsCustomerAt(DateOnly asOf) => Since is { } since && since <= asOf;

    /// <summary>Whether an invoice was at least the bad days past due on some day in (asOf, outcomeEnd].</summary>
    public bool WentBad(DateOnly asOf, DateOnly outcomeEnd)
    {
        var first = asOf.DayNumber + 1;
        var last = outcomeEnd.DayNumber;
        foreach (var (from, to) in BadSpells)
        {
            if (Math.Max(from, first) <= Math.Min(to, last))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The typical order at <paramref name="asOf"/>: the mean amount of the invoices issued in the 365 days
    /// up to it, rounded to cents; 0 when none.</summary>
    public decimal TypicalOrder(DateOnly asOf)
    {
        var last = asOf.DayNumber;
        var first = last - 364;
        var sum = 0m;
        var count = 0;
        for (var i = 0; i < IssueDays.Length; i++)
        {
            if (IssueDays[i] >= first && IssueDays[i] <= last)
            {
                sum += Amounts[i];
                count++;
            }
        }

        return count == 0 ? 0m : Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);
    }
}
