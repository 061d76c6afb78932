namespace CustomerRisk.Application.Ports;

/// <summary>What the store reads under the customer's lock for an order check.</summary>
/// <param name="ApprovedOpenOrders">The sum of orders approved by earlier checks that are not yet in the imported
/// sales orders (neither open, invoiced nor cancelled there) and are not the order being checked.</param>
/// <param name="Grants">The customer's granted limits, oldest first.</param>
public sealed record CheckExposure(decimal ApprovedOpenOrders, IReadOnlyList<LimitGrant> Grants);
