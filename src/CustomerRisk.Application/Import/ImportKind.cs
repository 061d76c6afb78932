namespace CustomerRisk.Application.Import;

/// <summary>The kinds of file the import reads (spec/data-formats.md), in the order an import writes them:
/// customers first, so every other kind can name a customer of the same import.</summary>
public enum ImportKind
{
    Customers,
    Invoices,
    Payments,
    Claims,
    Orders,
    Interactions,
    Financials,
    ExpertScores,
}
