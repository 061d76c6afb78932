namespace CustomerRisk.Modeling.Validation;

/// <summary>
/// How a reference population's predicted probabilities fall into bands — the bands being the reference's own
/// quantiles as <see cref="StabilityIndex.Psi"/> cuts them — kept so that a later population can be compared with it
/// (PSI) without the reference rows. Band i holds values v with Cuts[i − 1] ≤ v &lt; Cuts[i].
/// </summary>
/// <param name="Cuts">Band boundaries, ascending, distinct; one fewer than the bands.</param>
/// <param name="Counts">Reference rows per band.</param>
public sealed record ScoreDistribution(IReadOnlyList<double> Cuts, IReadOnlyList<int> Counts)
{
    /// <summary>The reference's bands: <paramref name="bands"/> equal-frequency bands (tied values share one, so
    /// there may be fewer).</summary>
    /// <param name="reference">Predicted probabilities of the reference rows, at least one.</param>
    /// <param name="bands">Number of bands, 2 or more.</param>
    public static ScoreDistribution Of(ReadOnlySpan<double> reference, int bands = 10)
    {
        var cuts = StabilityIndex.Cuts(reference, bands);
        var counts = new int[cuts.Length + 1];
        foreach (var v in reference)
        {
            counts[Binning.WoeBinner.UpperBound(cuts, v)]++;
        }

        return new ScoreDistribution(cuts, counts);
    }

    /// <summary>Compares a recent population with the reference, band by band; the contributions add up to the PSI,
    /// which equals <see cref="StabilityIndex.Psi"/> of the reference rows and the recent ones.</summary>
    /// <param name="recent">Predicted probabilities of the recent rows, at least one.</param>
    /// <exception cref="ArgumentException">No recent rows, or a distribution whose counts do not match its cuts.</exception>
    public StabilityComparison Compare(ReadOnlySpan<double> recent)
    {
        if (recent.Length == 0)
        {
            throw new ArgumentException("The recent population needs rows.", nameof(recent));
        }

        if (Counts.Count != Cuts.Count + 1)
        {
            throw new ArgumentException($"{Counts.Count} band counts for {Cuts.Count} cuts.");
        }

        var cuts = Cuts.ToArray();
        var actual = new double[Counts.Count];
        foreach (var v in recent)
        {
            actual[Binning.WoeBinner.UpperBound(cuts, v)]++;
        }

        var expected = Counts.Select(c => (double)c).ToArray();
        double e = expected.Sum(), a = recent.Length;
        var bands = new PsiBand[expected.Length];
        for (var i = 0; i < bands.Length; i++)
        {
            var es = expected[i] / e;
            var @as = actual[i] / a;
            var contribution = expected[i] == 0 && actual[i] == 0
                ? 0
                : (Math.Max(@as, StabilityIndex.EmptyShare) - Math.Max(es, StabilityIndex.EmptyShare))
                  * Math.Log(Math.Max(@as, StabilityIndex.EmptyShare) / Math.Max(es, StabilityIndex.EmptyShare));
            bands[i] = new PsiBand(i + 1, i == 0 ? null : cuts[i - 1], i == cuts.Length ? null : cuts[i], es, @as, contribution);
        }

        return new StabilityComparison(bands, StabilityIndex.FromCounts(expected, actual), recent.Length);
    }
}
