using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>What the credit check of an order reads. Amounts in the portfolio currency.</summary>
/// <param name="Grade">The customer's current grade.</param>
/// <param name="OpenAr">open_ar, 0 or more.</param>
/// <param name="OpenOrders">Open (not yet invoiced) orders already accepted, 0 or more.</param>
/// <param name="NewOrder">The order being checked, 0 or more.</param>
/// <param name="OldestDpd">Days past due of the oldest open invoice, 0 or more.</param>
/// <param name="GrantedLimit">The limit granted today; null when none is granted.</param>
public sealed record OrderCheckInputs(Grade Grade, decimal OpenAr, decimal OpenOrders, decimal NewOrder, int OldestDpd, decimal? GrantedLimit);
