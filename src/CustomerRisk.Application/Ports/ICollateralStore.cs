using CustomerRisk.Application.Collateral;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Ports;

/// <summary>The register of guarantees and collateral.</summary>
public interface ICollateralStore
{
    /// <summary>Saves a new item and gives it back with its id, in one transaction with its audit record.</summary>
    Task<CollateralItem> AddCollateralAsync(CollateralItem item, Func<CollateralItem, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>The items of a customer (or all), by customer then id.</summary>
    Task<IReadOnlyList<CollateralItem>> ReadCollateralAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>The covers that count on <paramref name="asOf"/> (valid_from ≤ T ≤ expiry), per customer. The
    /// assessment's expected loss reads it: <c>ExpectedLoss.Compute(pd, ead, covers[id], T, policy)</c>.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CreditCover>>> ReadCoversAsync(DateOnly asOf, CancellationToken cancellationToken = default);
}
