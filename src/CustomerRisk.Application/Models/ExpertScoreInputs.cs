using CustomerRisk.Analytics;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Models;

/// <summary>The expert scorecard's inputs of a customer at T, mapped from the indicators as `assess` maps them.</summary>
public static class ExpertScoreInputs
{
    /// <summary>The first invoice issued on or before <paramref name="asOf"/>; null when none.</summary>
    public static DateOnly? FirstInvoice(CustomerLedger ledger, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        DateOnly? first = null;
        foreach (var invoice in ledger.Invoices.Span)
        {
            if (invoice.IssueDate <= asOf && (first is null || invoice.IssueDate < first))
            {
                first = invoice.IssueDate;
            }
        }

        return first;
    }

    /// <summary>The inputs of the expert scorecard (utilisation against today's granted limit, the only one kept).</summary>
    public static ScoreInputs From(CustomerLedger ledger, CustomerIndicators now, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(now);
        var customer = ledger.Customer;
        var limit = customer.CreditLimit is > 0m ? customer.CreditLimit : null;
        return new ScoreInputs
        {
            NetCollectionRate = now.NetCollectionRate,
            MaxDaysLate = now.MaxDaysLate,
            PaymentDelayRate = now.PaymentDelayRate,
            OverdueShare = now.OpenAr > 0m ? now.OverdueAr / now.OpenAr : null,
            OldestDpd = now.OldestDaysPastDue,
            Utilisation = limit is { } l ? now.Exposure / l : null,
            Sales12m = now.Sales12m,
            AnnualRevenue = customer.AnnualRevenue,
            HistoryMonths = ScoreInputs.MonthsOfHistory(customer.CustomerSince, FirstInvoice(ledger, asOf), asOf),
            Complaints90d = now.Complaints90d,
            BrokenPromises180d = now.BrokenPromises180d,
        };
    }
}
