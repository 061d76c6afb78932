using CustomerRisk.Analytics;
using CustomerRisk.Application.Models;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Tests.Models;

/// <summary>Small hand-made ledgers for the PD table's rules.</summary>
internal static class PdLedger
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Customer Customer(string id = "C1") => new()
    {
        CustomerId = id,
        Name = "Customer " + id,
        PaymentTermsDays = 30,
        AnnualRevenue = 1_000_000m,
        CreditLimit = 50_000m,
        ProductFocus = ProductFocus.MainlyOurs,
        CustomerSince = new DateOnly(2020, 1, 1),
    };

    /// <summary>A ledger; invoices are sorted into ledger order and payments name invoices by their position in
    /// <paramref name="invoices"/> as given.</summary>
    public static CustomerLedger Build(IReadOnlyList<InvoiceLine> invoices, IReadOnlyList<(DateOnly Date, decimal Amount, int Invoice)> payments,
        IReadOnlyList<ClaimLine>? claims = null, IReadOnlyList<InteractionLine>? interactions = null, IReadOnlyList<OrderLine>? orders = null,
        Customer? customer = null)
    {
        var order = Enumerable.Range(0, invoices.Count)
            .OrderBy(i => invoices[i].DueDate).ThenBy(i => invoices[i].IssueDate).ThenBy(i => i).ToArray();
        var position = new int[invoices.Count];
        for (var p = 0; p < order.Length; p++)
        {
            position[order[p]] = p;
        }

        return new CustomerLedger
        {
            Customer = customer ?? Customer(),
            Invoices = order.Select(i => invoices[i]).ToArray(),
            Payments = payments.OrderBy(p => p.Date)
                .Select(p => new PaymentLine(p.Date, p.Amount, p.Invoice < 0 ? -1 : position[p.Invoice])).ToArray(),
            Claims = (claims ?? []).OrderBy(c => c.ClaimDate).ToArray(),
            Interactions = (interactions ?? []).OrderBy(c => c.Date).ToArray(),
            Orders = (orders ?? []).OrderBy(c => c.OrderDate).ToArray(),
        };
    }

    public static IReadOnlyList<TrainingRow> Rows(CustomerLedger ledger, DateOnly dataEnd, params DateOnly[] snapshots) =>
        BuildTrainingTable.RowsOf(ledger, snapshots, dataEnd, IndicatorPolicy.Default, CreditPolicy.Default,
            new IndicatorWorkspace(), new IndicatorWorkspace()).ToList();
}
