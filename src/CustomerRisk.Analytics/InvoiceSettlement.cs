namespace CustomerRisk.Analytics;

/// <summary>Where one invoice stands at the as-of date T after cash application (spec/data-formats.md).</summary>
/// <param name="IsIssued">True when the invoice was issued on or before T; an invoice issued later is ignored
/// entirely (open 0, applied 0, never settled).</param>
/// <param name="OpenAmount">What is still owed at T, money ≥ 0; 0 once settled (a remainder within the settle
/// tolerance counts as paid).</param>
/// <param name="AppliedAmount">Cash applied to it on or before T, money ≥ 0 and at most the invoice amount.</param>
/// <param name="SettledDate">The first date its open amount reached 0 (within the tolerance), on or before T; null
/// while it is open.</param>
public readonly record struct InvoiceSettlement(
    bool IsIssued,
    decimal OpenAmount,
    decimal AppliedAmount,
    DateOnly? SettledDate)
{
    /// <summary>True when the invoice is issued and not settled at T.</summary>
    public bool IsOpen => IsIssued && SettledDate is null;
}
