using CustomerRisk.Analytics;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reports;

/// <summary>What a report needs about a customer besides its assessment: master data, and the ledger figures of the
/// value–loyalty grid that the assessment does not carry (claims conceded, tenure).</summary>
public sealed record CustomerProfile
{
    /// <summary>The customer's key.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Industry, free text.</summary>
    public string? Industry { get; init; }

    /// <summary>Region, free text.</summary>
    public string? Region { get; init; }

    /// <summary>The sales person who owns the customer.</summary>
    public string? SalesOwner { get; init; }

    /// <summary>The customer's own yearly revenue, when known (caps the limit).</summary>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>product_focus, when recorded.</summary>
    public ProductFocus? ProductFocus { get; init; }

    /// <summary>customer_since, when recorded.</summary>
    public DateOnly? CustomerSince { get; init; }

    /// <summary>The earliest issue date of an invoice on or before T; null when none.</summary>
    public DateOnly? FirstInvoice { get; init; }

    /// <summary>Claims conceded in the review window (T−365, T], money ≥ 0: the margin the customer took back.</summary>
    public decimal Claims12m { get; init; }

    /// <summary>Whole months of relationship at T: from customer_since, else from the first invoice; null when both
    /// are unknown (the same count the scorecard uses).</summary>
    public int? HistoryMonths { get; init; }

    /// <summary>Reads the profile of one customer from its ledger as of <paramref name="asOf"/>.</summary>
    public static CustomerProfile FromLedger(CustomerLedger ledger, DateOnly asOf, IndicatorPolicy? indicatorPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var windowStart = asOf.AddDays(-(indicatorPolicy ?? IndicatorPolicy.Default).ReviewWindowDays);
        DateOnly? first = null;
        foreach (var invoice in ledger.Invoices.Span)
        {
            if (invoice.IssueDate <= asOf && (first is null || invoice.IssueDate < first))
            {
                first = invoice.IssueDate;
            }
        }

        var claims = 0m;
        foreach (var claim in ledger.Claims.Span)
        {
            if (claim.ClaimDate > windowStart && claim.ClaimDate <= asOf)
            {
                claims += claim.Amount;
            }
        }

        var customer = ledger.Customer;
        return new CustomerProfile
        {
            CustomerId = customer.CustomerId,
            Industry = customer.Industry,
            Region = customer.Region,
            SalesOwner = customer.SalesOwner,
            AnnualRevenue = customer.AnnualRevenue,
            ProductFocus = customer.ProductFocus,
            CustomerSince = customer.CustomerSince,
            FirstInvoice = first,
            Claims12m = claims,
            HistoryMonths = ScoreInputs.MonthsOfHistory(customer.CustomerSince, first, asOf),
        };
    }
}
