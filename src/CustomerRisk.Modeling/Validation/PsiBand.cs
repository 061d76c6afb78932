namespace CustomerRisk.Modeling.Validation;

/// <summary>One band of a population stability comparison.</summary>
/// <param name="Band">Band number, 1 = lowest predicted probability.</param>
/// <param name="Lower">The band's lowest value (inclusive); null for the first band (open below).</param>
/// <param name="Upper">The next band's lowest value (exclusive); null for the last band (open above).</param>
/// <param name="ReferenceShare">Share of reference rows in the band, 0–1.</param>
/// <param name="RecentShare">Share of recent rows in the band, 0–1.</param>
/// <param name="Contribution">This band's term of the PSI, (a − e) · ln(a / e) with empty shares taken as
/// <see cref="StabilityIndex.EmptyShare"/>; at least 0.</param>
public sealed record PsiBand(int Band, double? Lower, double? Upper, double ReferenceShare, double RecentShare, double Contribution);
