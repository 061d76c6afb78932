using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>What the rating reads (spec/rating.md), mapped by the caller from the customer's indicators as of T.</summary>
/// <param name="NetCollectionRate">net_collection_rate, a fraction (1.00 = 100%); null when no invoice fell due in W.</param>
/// <param name="MaxDaysLate">max_days_late over the invoices due in W, 0 or more; null when none fell due.</param>
/// <param name="Focus">The customer's product_focus; null when unknown.</param>
/// <param name="InvoicesDueInWindow">How many invoices fell due in W; 0 makes the customer N.</param>
/// <param name="ExpertScore">The Delphi expert score (median, 1–5) when there is one; used only when the policy
/// lets it move the grade.</param>
public sealed record RatingInputs(
    decimal? NetCollectionRate,
    int? MaxDaysLate,
    ProductFocus? Focus,
    int InvoicesDueInWindow,
    decimal? ExpertScore = null);
