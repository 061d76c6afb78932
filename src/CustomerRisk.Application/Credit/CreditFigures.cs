using CustomerRisk.Analytics;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Credit;

/// <summary>A customer's ledger figures for credit operations (open AR, oldest days past due, imported open orders,
/// grade, imported credit_limit, sales_12m), computed from the ledger with <see cref="IndicatorCalculator"/> and
/// <see cref="RatingEngine"/> exactly as the assessment does, and cached in the store until the next import: reading
/// a customer's whole ledger costs far more than a check may (docs/operations.md).</summary>
public static class CreditFigures
{
    /// <summary>The figures of a customer as of a date, from the cache or computed and cached.</summary>
    /// <exception cref="CreditRequestException">The customer is not in the store.</exception>
    public static async Task<CustomerCreditFigures> ReadAsync(IRiskStore ledgers, ICreditStore credit, string customerId,
        DateOnly asOf, CreditPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(policy);
        var cached = await credit.ReadFiguresAsync(customerId, asOf, policy.Version, cancellationToken).ConfigureAwait(false);
        if (cached.Figures is { } figures)
        {
            return figures;
        }

        CustomerLedger? ledger = null;
        await foreach (var read in ledgers.ReadLedgersAsync(asOf, customerId, cancellationToken).ConfigureAwait(false))
        {
            ledger = read;
        }

        if (ledger is null)
        {
            throw new CreditRequestException($"No customer '{customerId}' in the store.") { UnknownCustomer = true };
        }

        var fresh = Compute(ledger, asOf, policy);
        await credit.SaveFiguresAsync(fresh, cached.Generation, cancellationToken).ConfigureAwait(false);
        return fresh;
    }

    /// <summary>Computes the figures from a ledger (a pure function of ledger, date and policy).</summary>
    public static CustomerCreditFigures Compute(CustomerLedger ledger, DateOnly asOf, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(policy);
        var customer = ledger.Customer;
        var now = IndicatorCalculator.Compute(ledger, asOf, IndicatorPolicy.Default);
        var rating = RatingEngine.Rate(
            new RatingInputs(now.NetCollectionRate, now.MaxDaysLate, customer.ProductFocus, now.InvoicesDueInWindow), policy);
        return new CustomerCreditFigures
        {
            CustomerId = customer.CustomerId,
            AsOf = asOf,
            PolicyVersion = policy.Version,
            Grade = rating.Grade.ToCode(),
            OpenAr = now.OpenAr,
            OverdueAr = now.OverdueAr,
            OldestDpd = now.OldestDaysPastDue,
            ImportedOpenOrders = now.OpenOrders,
            ImportedCreditLimit = customer.CreditLimit is > 0m ? customer.CreditLimit : null,
            Sales12m = now.Sales12m,
            AnnualRevenue = customer.AnnualRevenue,
        };
    }
}
