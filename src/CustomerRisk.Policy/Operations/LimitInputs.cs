using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>What the recommended limit reads.</summary>
/// <param name="Grade">The customer's grade.</param>
/// <param name="Sales12m">sales_12m in the portfolio currency, 0 or more; null counts as 0.</param>
/// <param name="AnnualRevenue">The customer's annual revenue, 0 or more; null when unknown (no cap).</param>
public sealed record LimitInputs(Grade Grade, decimal? Sales12m, decimal? AnnualRevenue);
