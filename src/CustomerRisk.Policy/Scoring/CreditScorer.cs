namespace CustomerRisk.Policy;

/// <summary>The expert credit scorecard used before a model is trained on the user's own history (spec/rating.md,
/// docs/rating.md): base points plus the points of each factor's band, clipped to the scale; PD from the scale.</summary>
public static class CreditScorer
{
    /// <summary>The number of reasons returned.</summary>
    public const int ReasonCount = 4;

    /// <summary>Scores a customer.</summary>
    public static CreditScoreResult Score(ScoreInputs inputs, CreditPolicy policy) => Score(inputs, policy, explain: true);

    /// <summary>Scores a customer; without <paramref name="explain"/> the result's
    /// <see cref="CreditScoreResult.Factors"/> is empty (a record per factor per customer that a portfolio run never
    /// shows) and everything else is the same.</summary>
    public static CreditScoreResult Score(ScoreInputs inputs, CreditPolicy policy, bool explain)
    {
        if (!explain)
        {
            return ScoreWithoutFactors(inputs, policy);
        }

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

    private static CreditScoreResult ScoreWithoutFactors(ScoreInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        var card = policy.Scorecard;
        var count = card.Factors.Count;
        Span<decimal> lost = count <= 64 ? stackalloc decimal[count] : new decimal[count];
        var total = card.BasePoints;
        for (var i = 0; i < count; i++)
        {
            var factor = card.Factors[i];
            var value = inputs.ValueOf(factor.Metric);
            var points = value is { } v ? factor.BandOf(v).Points : factor.MissingPoints;
            lost[i] = factor.BestPoints - points;
            total += points;
        }

        Span<int> top = stackalloc int[ReasonCount];
        var reasons = new ScoreReason[TopIndices(lost, top)];
        for (var k = 0; k < reasons.Length; k++)
        {
            var factor = card.Factors[top[k]];
            var value = inputs.ValueOf(factor.Metric);
            var band = value is { } v ? factor.BandOf(v) : null;
            reasons[k] = new ScoreReason(factor.Metric.ToCode(), factor.Label, band?.Label ?? "unknown", value, lost[top[k]]);
        }

        var score = policy.ScoreScale.Clip(total);
        return new CreditScoreResult(score, policy.ScoreScale.ProbabilityOfDefault(score), reasons, [], total, policy.Version);
    }

    /// <summary>The factors that lost the most points, largest first, ties in policy order.</summary>
    private static ScoreReason[] TopReasons(FactorScore[] factors)
    {
        Span<decimal> lost = factors.Length <= 64 ? stackalloc decimal[factors.Length] : new decimal[factors.Length];
        for (var i = 0; i < factors.Length; i++)
        {
            lost[i] = factors[i].PointsLost;
        }

        Span<int> top = stackalloc int[ReasonCount];
        var reasons = new ScoreReason[TopIndices(lost, top)];
        for (var k = 0; k < reasons.Length; k++)
        {
            var f = factors[top[k]];
            reasons[k] = new ScoreReason(f.Metric, f.Factor, f.Band, f.Value, f.PointsLost);
        }

        return reasons;
    }

    /// <summary>Fills <paramref name="top"/> with the positions of the factors that lost the most points (more than 0),
    /// largest first, ties in policy order (a stable insertion into a short list: no sort of the whole card per
    /// customer); returns how many there are.</summary>
    private static int TopIndices(ReadOnlySpan<decimal> pointsLost, Span<int> top)
    {
        var count = 0;
        for (var i = 0; i < pointsLost.Length; i++)
        {
            var lost = pointsLost[i];
            if (lost <= 0m)
            {
                continue;
            }

            var at = count;
            while (at > 0 && pointsLost[top[at - 1]] < lost)
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

        return count;
    }
}
