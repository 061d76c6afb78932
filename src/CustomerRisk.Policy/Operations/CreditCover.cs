namespace CustomerRisk.Policy;

/// <summary>A guarantee or collateral that covers part of a customer's exposure (seed 004: 担保).</summary>
/// <param name="Value">Value in the portfolio currency, 0 or more.</param>
/// <param name="Haircut">Share of the value not counted (realisation cost, price risk), 0–1.</param>
/// <param name="Expiry">The last day it is valid; null when open-ended.</param>
/// <param name="Description">What it is, for the log.</param>
public sealed record CreditCover(decimal Value, decimal Haircut, DateOnly? Expiry, string? Description = null)
{
    /// <summary>Whether it still counts on <paramref name="asOf"/> (valid through its expiry day).</summary>
    public bool IsValidOn(DateOnly asOf) => Expiry is not { } expiry || expiry >= asOf;

    /// <summary>The value counted: value × (1 − haircut).</summary>
    public decimal CountedValue => Value * (1m - Haircut);
}
