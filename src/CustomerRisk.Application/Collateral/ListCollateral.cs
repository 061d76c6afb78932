using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Collateral;

/// <summary>One item of the register as of a date.</summary>
/// <param name="Item">The item.</param>
/// <param name="Status"><c>not_yet_valid</c>, <c>active</c>, <c>expiring</c> (counts, expires within the warning) or
/// <c>expired</c>.</param>
/// <param name="CountedValue">value × (1 − haircut) while it counts, else 0.</param>
/// <param name="DaysToExpiry">Days from T to the expiry; null when open-ended.</param>
public sealed record CollateralRow(CollateralItem Item, string Status, decimal CountedValue, int? DaysToExpiry);

/// <summary>The register as of a date, by customer then id.</summary>
public static class ListCollateral
{
    public static async Task<IReadOnlyList<CollateralRow>> HandleAsync(DateOnly asOf, string? customerId, int warningDays,
        ICollateralStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(warningDays);
        var items = await store.ReadCollateralAsync(customerId, cancellationToken).ConfigureAwait(false);
        return items.Select(i =>
        {
            var days = i.DaysToExpiry(asOf);
            var status = i.ValidFrom > asOf ? "not_yet_valid"
                : days is < 0 ? "expired"
                : days is { } d && d <= warningDays ? "expiring"
                : "active";
            return new CollateralRow(i, status, i.CountsOn(asOf) ? i.ToCover().CountedValue : 0m, days);
        }).ToArray();
    }
}
