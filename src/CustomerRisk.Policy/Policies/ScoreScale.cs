namespace CustomerRisk.Policy;

/// <summary>The credit score scale (spec/rating.md): <see cref="BaseScore"/> points at good:bad odds of
/// <see cref="BaseOdds"/>:1, <see cref="Pdo"/> points to double the odds, clipped to
/// [<see cref="MinScore"/>, <see cref="MaxScore"/>]. PD = 1 / (1 + odds).</summary>
public sealed record ScoreScale
{
    /// <summary>Score at the base odds (default 600).</summary>
    public required decimal BaseScore { get; init; }

    /// <summary>Good:bad odds at the base score (default 50).</summary>
    public required decimal BaseOdds { get; init; }

    /// <summary>Points to double the odds (default 20).</summary>
    public required decimal Pdo { get; init; }

    /// <summary>Lowest score (default 300).</summary>
    public required decimal MinScore { get; init; }

    /// <summary>Highest score (default 900).</summary>
    public required decimal MaxScore { get; init; }

    /// <summary>The score clipped to the scale.</summary>
    public decimal Clip(decimal score) => Math.Clamp(score, MinScore, MaxScore);

    /// <summary>The probability of default of a score (clipped first): 1 / (1 + base_odds · 2^((score − base)/pdo)),
    /// a fraction 0–1, strictly decreasing in the score.</summary>
    public decimal ProbabilityOfDefault(decimal score)
    {
        var clipped = Clip(score);
        var odds = (double)BaseOdds * Math.Pow(2.0, (double)((clipped - BaseScore) / Pdo));
        return (decimal)(1.0 / (1.0 + odds));
    }

    /// <summary>The score whose PD is <paramref name="pd"/> (0 &lt; pd &lt; 1), clipped to the scale.</summary>
    public decimal ScoreOf(decimal pd)
    {
        if (pd <= 0m || pd >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(pd), pd, "A probability of default must be strictly between 0 and 1.");
        }

        var odds = (1.0 - (double)pd) / (double)pd;
        var score = (double)BaseScore + ((double)Pdo * Math.Log2(odds / (double)BaseOdds));
        return Clip((decimal)score);
    }
}
