namespace CustomerRisk.Application.Ports;

/// <summary>A read of the figure cache.</summary>
/// <param name="Figures">The cached figures, or null when there are none for the date or the ledger changed since.</param>
/// <param name="Generation">The ledger's generation now (it grows with every import); save fresh figures under it.</param>
public sealed record CachedFigures(CustomerCreditFigures? Figures, long Generation);
