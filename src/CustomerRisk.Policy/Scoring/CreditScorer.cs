namespace CustomerRisk.Policy;

/// <summary>The expert credit scorecard used before a model is trained on the user's own history (spec/rating.md,
/// docs/rating.md): base points plus the points of each factor's band, clipped to the scale; PD from the scale.</summary>
public static class CreditScorer
{
    /// <summary>The number of reasons returned.</summary>
    public const int ReasonCount = 4;

    /// <summary>Scores a customer.</summary>
    public static CreditScoreResult Score(ScoreInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        var card = policy.Scorecard;
        var factors = new FactorScore[card.Factors.Count];
        var total = card.BasePoints;
        for (var i = 0; i < factors.Length; i++)
        {
            var factor = card.Factors[i];
            var value = inputs.ValueOf(factor.Metric);
            var band = value is { } v ? factor.BandOf(v) : null;
            var points = band?.Points ?? factor.MissingPoints;
            factors[i] = new FactorScore(factor.Metric.ToCode(), factor.Label, value, band?.Label ?? "unknown", points, factor.BestPoints);
            total += points;
        }

        var score = policy.ScoreScale.Clip(total);
        var reasons = factors
            .Select((f, index) => (f, index))
            .Where(x => x.f.PointsLost > 0m)
            .OrderByDescending(x => x.f.PointsLost)
            .ThenBy(x => x.index)
            .Take(ReasonCount)
            .Select(x => new ScoreReason(x.f.Metric, x.f.Factor, x.f.Band, x.f.Value, x.f.PointsLost))
            .ToArray();
        return new CreditScoreResult(score, policy.ScoreScale.ProbabilityOfDefault(score), reasons, factors, total, policy.Version);
    }
}
