using System.Collections.Immutable;

namespace CustomerRisk.Analytics;

/// <summary>The outcome of cash application for one customer as of a date.</summary>
public sealed record CashApplicationResult
{
    /// <summary>The as-of date T.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>One entry per invoice of the ledger, in the ledger's order.</summary>
    public required ImmutableArray<InvoiceSettlement> Invoices { get; init; }

    /// <summary>Cash received on or before T that no invoice has absorbed yet (money ≥ 0; JSON
    /// <c>unapplied_credit</c>).</summary>
    public required decimal UnappliedCredit { get; init; }
}
