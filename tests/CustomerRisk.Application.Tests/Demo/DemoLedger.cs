using System.Globalization;

namespace CustomerRisk.Application.Tests.Demo;

/// <summary>The demo's invoices and payments per customer, with the spec's cash application worked out
/// independently of the product's code (named invoice first, then oldest-first as of the payment date, the rest as
/// credit for later invoices on their issue date), so the tests can see what a credit manager would.</summary>
public sealed class DemoLedger
{
    private DemoLedger(Dictionary<string, List<LedgerInvoice>> invoices, int unnamed, int unnamedMismatched)
    {
        Invoices = invoices;
        UnnamedPayments = unnamed;
        UnnamedPaymentsNotMatchingTheOldestOpenInvoice = unnamedMismatched;
    }

    public IReadOnlyDictionary<string, List<LedgerInvoice>> Invoices { get; }

    /// <summary>Payments that name no invoice, up to the as-of date.</summary>
    public int UnnamedPayments { get; }

    /// <summary>Unnamed payments whose amount is not the open amount of the oldest open invoice they reach: money
    /// that oldest-first application splits or spreads differently from what the payer meant.</summary>
    public int UnnamedPaymentsNotMatchingTheOldestOpenInvoice { get; }

    public static DemoLedger Build(DemoFolder folder, DateOnly asOf)
    {
        var invoiceTable = folder.Table("invoices.csv");
        var byCustomer = new Dictionary<string, List<LedgerInvoice>>(StringComparer.Ordinal);
        var byId = new Dictionary<string, LedgerInvoice>(StringComparer.Ordinal);
        foreach (var row in invoiceTable.Rows)
        {
            var invoice = new LedgerInvoice(row[0], row[1], DateOnly.Parse(row[2], CultureInfo.InvariantCulture),
                DateOnly.Parse(row[3], CultureInfo.InvariantCulture), decimal.Parse(row[4], CultureInfo.InvariantCulture));
            byId.Add(invoice.InvoiceId, invoice);
            if (!byCustomer.TryGetValue(invoice.CustomerId, out var list))
            {
                list = [];
                byCustomer[invoice.CustomerId] = list;
            }

            list.Add(invoice);
        }

        var payments = folder.Table("payments.csv").Rows
            .Select(r => (Id: r[0], Customer: r[1], Date: DateOnly.Parse(r[2], CultureInfo.InvariantCulture), Amount: decimal.Parse(r[3], CultureInfo.InvariantCulture), Invoice: r[4]))
            .Where(p => p.Date <= asOf)
            .GroupBy(p => p.Customer)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Date).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());

        var unnamed = 0;
        var mismatched = 0;
        foreach (var (customer, list) in byCustomer)
        {
            list.Sort((a, b) => (a.DueDate, a.IssueDate).CompareTo((b.DueDate, b.IssueDate)) is var c && c != 0 ? c : string.CompareOrdinal(a.InvoiceId, b.InvoiceId));
            var credit = 0m;
            var paymentQueue = payments.GetValueOrDefault(customer) ?? [];
            var issues = list.OrderBy(i => i.IssueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).ToList();
            var next = 0;
            foreach (var payment in paymentQueue)
            {
                // Credit left from earlier payments goes to invoices issued up to this payment's date.
                while (next < issues.Count && issues[next].IssueDate <= payment.Date)
                {
                    credit = issues[next].Apply(credit, issues[next].IssueDate);
                    next++;
                }

                var amount = payment.Amount;
                var isUnnamed = true;
                if (payment.Invoice.Length > 0 && byId.TryGetValue(payment.Invoice, out var named) && named.CustomerId == customer)
                {
                    amount = named.Apply(amount, payment.Date);
                    isUnnamed = false;
                }

                var first = true;
                foreach (var invoice in list)
                {
                    if (amount <= 0)
                    {
                        break;
                    }

                    if (invoice.IssueDate <= payment.Date && invoice.Open > 0)
                    {
                        if (isUnnamed && first)
                        {
                            unnamed++;
                            mismatched += invoice.Open == amount ? 0 : 1;
                            first = false;
                        }

                        amount = invoice.Apply(amount, payment.Date);
                    }
                }

                credit += amount;
            }

            while (next < issues.Count && issues[next].IssueDate <= asOf)
            {
                credit = issues[next].Apply(credit, issues[next].IssueDate);
                next++;
            }
        }

        return new DemoLedger(byCustomer, unnamed, mismatched);
    }
}

/// <summary>An invoice and what has been applied to it.</summary>
public sealed class LedgerInvoice(string invoiceId, string customerId, DateOnly issueDate, DateOnly dueDate, decimal amount)
{
    public string InvoiceId { get; } = invoiceId;

    public string CustomerId { get; } = customerId;

    public DateOnly IssueDate { get; } = issueDate;

    public DateOnly DueDate { get; } = dueDate;

    public decimal Amount { get; } = amount;

    public decimal Open { get; private set; } = amount;

    public DateOnly? SettledOn { get; private set; }

    /// <summary>Days late: settled date (or the as-of date while open) past the due date, never negative.</summary>
    public int DaysLate(DateOnly asOf) => Math.Max(0, (SettledOn ?? asOf).DayNumber - DueDate.DayNumber);

    /// <summary>Applies cash; returns what is left over.</summary>
    public decimal Apply(decimal cash, DateOnly date)
    {
        if (cash <= 0 || Open <= 0)
        {
            return cash;
        }

        var take = Math.Min(cash, Open);
        Open -= take;
        if (Open == 0)
        {
            SettledOn = date;
        }

        return cash - take;
    }
}
