using CustomerRisk.Domain;

namespace CustomerRisk.Analytics;

/// <summary>Everything recorded about one customer, in the order the indicators read it. Records dated after the
/// as-of date may be present; every computation ignores them.</summary>
public sealed class CustomerLedger
{
    /// <summary>The customer's master data.</summary>
    public required Customer Customer { get; init; }

    /// <summary>Invoices sorted by due date, then issue date, then invoice id (the oldest-first order of cash
    /// application, spec/data-formats.md).</summary>
    public ReadOnlyMemory<InvoiceLine> Invoices { get; init; }

    /// <summary>Payments sorted by payment date, then payment id.</summary>
    public ReadOnlyMemory<PaymentLine> Payments { get; init; }

    /// <summary>Claims sorted by claim date.</summary>
    public ReadOnlyMemory<ClaimLine> Claims { get; init; }

    /// <summary>Sales orders sorted by order date.</summary>
    public ReadOnlyMemory<OrderLine> Orders { get; init; }

    /// <summary>Behaviour records sorted by date.</summary>
    public ReadOnlyMemory<InteractionLine> Interactions { get; init; }
}
