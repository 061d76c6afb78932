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
        return new CreditScoreResult(score, policy.ScoreScale.ProbabilityOfDefault(score), TopReasons(factors), factors, total, policy.Version);
    }

    /// <summary>The factors that lost the most points, largest first, ties in policy order (a stable insertion into
    /// a short list: no sort of the whole card per customer).</summary>
    private static ScoreReason[] TopReasons(FactorScore[] factors)
    {
        Span<int> top = stackalloc int[ReasonCount];
        var count = 0;
        for (var i = 0; i < factors.Length; i++)
        {
            var lost = factors[i].PointsLost;
            if (lost <= 0m)
            {
                continue;
            }

            var at = count;
            while (at > 0 && factors[top[at - 1]].PointsLost < lost)
            {
                at--;
            }

            if (at >= ReasonCount)
            {
                continue;
            }

            for (var j = Math.Min(count, ReasonCount - 1); j > at; j--)
            {
                top[j] = top[j - 1];
            }

            top[at] = i;
            count = Math.Min(count + 1, ReasonCount);
        }

        var reasons = new ScoreReason[count];
        for (var k = 0; k < count; k++)
        {
            var f = factors[top[k]];
            reasons[k] = new ScoreReason(f.Metric, f.Factor, f.Band, f.Value, f.PointsLost);
        }

        return reasons;
    }
}
