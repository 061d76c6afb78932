using System.Globalization;
using CustomerRisk.Analytics;
using CustomerRisk.Domain;

namespace CustomerRisk.Analytics.Tests;

/// <summary>Builds a <see cref="CustomerLedger"/> the way the store does: invoices sorted by due date, issue date,
/// invoice id; payments by date then id; payments name invoices by id, mapped to indices.</summary>
internal sealed class LedgerBuilder
{
    private readonly string _customerId;
    private readonly List<(string Id, InvoiceLine Line)> _invoices = [];
    private readonly List<(string Id, DateOnly Date, decimal Amount, string? InvoiceId)> _payments = [];
    private readonly List<ClaimLine> _claims = [];
    private readonly List<OrderLine> _orders = [];
    private readonly List<InteractionLine> _interactions = [];

    public LedgerBuilder(string customerId = "C1") => _customerId = customerId;

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public LedgerBuilder Invoice(string id, string issue, string due, decimal amount) =>
        Invoice(id, D(issue), D(due), amount);

    public LedgerBuilder Invoice(string id, DateOnly issue, DateOnly due, decimal amount)
    {
        _invoices.Add((id, new InvoiceLine(issue, due, amount)));
        return this;
    }

    public LedgerBuilder Payment(string date, decimal amount, string? invoiceId = null) => Payment(D(date), amount, invoiceId);

    public LedgerBuilder Payment(DateOnly date, decimal amount, string? invoiceId = null)
    {
        _payments.Add(($"P{_payments.Count:D6}", date, amount, invoiceId));
        return this;
    }

    public LedgerBuilder Claim(string date, decimal amount) => Claim(D(date), amount);

    public LedgerBuilder Claim(DateOnly date, decimal amount)
    {
        _claims.Add(new ClaimLine(date, amount));
        return this;
    }

    public LedgerBuilder Order(string date, decimal amount, OrderStatus status = OrderStatus.Open) => Order(D(date), amount, status);

    public LedgerBuilder Order(DateOnly date, decimal amount, OrderStatus status = OrderStatus.Open)
    {
        _orders.Add(new OrderLine(date, amount, status));
        return this;
    }

    public LedgerBuilder Interaction(string date, InteractionType type) => Interaction(D(date), type);

    public LedgerBuilder Interaction(DateOnly date, InteractionType type)
    {
        _interactions.Add(new InteractionLine(date, type));
        return this;
    }

    public LedgerBuilder Copy()
    {
        var copy = new LedgerBuilder(_customerId);
        copy._invoices.AddRange(_invoices);
        copy._payments.AddRange(_payments);
        copy._claims.AddRange(_claims);
        copy._orders.AddRange(_orders);
        copy._interactions.AddRange(_interactions);
        return copy;
    }

    /// <summary>The ledger position of an invoice id once sorted.</summary>
    public int IndexOf(string invoiceId) => SortedInvoices().FindIndex(x => x.Id == invoiceId);

    public CustomerLedger Build()
    {
        var invoices = SortedInvoices();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < invoices.Count; i++)
        {
            index[invoices[i].Id] = i;
        }

        var payments = _payments
            .OrderBy(p => p.Date).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new PaymentLine(p.Date, p.Amount, p.InvoiceId is not null && index.TryGetValue(p.InvoiceId, out var k) ? k : -1))
            .ToArray();

        return new CustomerLedger
        {
            Customer = new Customer { CustomerId = _customerId, Name = "Customer " + _customerId },
            Invoices = invoices.Select(x => x.Line).ToArray(),
            Payments = payments,
            Claims = _claims.OrderBy(c => c.ClaimDate).ToArray(),
            Orders = _orders.OrderBy(o => o.OrderDate).ToArray(),
            Interactions = _interactions.OrderBy(x => x.Date).ToArray(),
        };
    }

    public CustomerIndicators Indicators(string asOf) => IndicatorCalculator.Compute(Build(), D(asOf), IndicatorPolicy.Default);

    public CashApplicationResult Cash(string asOf) => CashApplication.Apply(Build(), D(asOf), IndicatorPolicy.Default);

    private List<(string Id, InvoiceLine Line)> SortedInvoices() => _invoices
        .OrderBy(x => x.Line.DueDate).ThenBy(x => x.Line.IssueDate).ThenBy(x => x.Id, StringComparer.Ordinal)
        .ToList();
}
