namespace CustomerRisk.Application.Customers;

/// <summary>The values the customer list can be filtered by (for the dashboard's drop-downs).</summary>
public sealed record FilterValues(IReadOnlyList<string> Regions, IReadOnlyList<string> SalesOwners);
