namespace CustomerRisk.Modeling;

/// <summary>
/// The points scale that turns a probability of bad into a credit score: <see cref="BaseScore"/> points at good:bad
/// odds of <see cref="BaseOdds"/>, and <see cref="PointsToDoubleOdds"/> more points each time the odds of good double
/// (spec/rating.md: 600 at 50:1, PDO 20, clipped to [300, 900]). score = Offset + Factor · ln(odds of good), with
/// Factor = PDO / ln 2 and Offset = BaseScore − Factor · ln(BaseOdds).
/// </summary>
/// <param name="BaseScore">Score at the base odds; 600 by default.</param>
/// <param name="BaseOdds">Good:bad odds that earn the base score, greater than 0; 50 by default.</param>
/// <param name="PointsToDoubleOdds">Points that double the odds of good (PDO), greater than 0; 20 by default.</param>
/// <param name="MinScore">Lowest score reported; 300 by default.</param>
/// <param name="MaxScore">Highest score reported; 900 by default.</param>
public sealed record ScoreScale(
    double BaseScore = 600, double BaseOdds = 50, double PointsToDoubleOdds = 20, double MinScore = 300, double MaxScore = 900)
{
    /// <summary>The scale of spec/rating.md: 600 at 50:1, PDO 20, [300, 900].</summary>
    public static ScoreScale Default { get; } = new();

    /// <summary>Points per unit of ln(odds of good): PDO / ln 2.</summary>
    public double Factor => PointsToDoubleOdds / Math.Log(2);

    /// <summary>Score at even odds: BaseScore − Factor · ln(BaseOdds).</summary>
    public double Offset => BaseScore - (Factor * Math.Log(BaseOdds));

    /// <summary>The clipped score for a log-odds of bad (logit of PD).</summary>
    /// <param name="logOddsBad">ln(PD / (1 − PD)).</param>
    public double ScoreFromLogOddsOfBad(double logOddsBad) => Math.Clamp(Offset - (Factor * logOddsBad), MinScore, MaxScore);

    /// <summary>The clipped score for a probability of bad.</summary>
    /// <param name="probabilityOfBad">PD, 0–1; 0 and 1 give the scale's ends.</param>
    public double ScoreFromProbability(double probabilityOfBad) =>
        probabilityOfBad <= 0 ? MaxScore
        : probabilityOfBad >= 1 ? MinScore
        : ScoreFromLogOddsOfBad(Math.Log(probabilityOfBad / (1 - probabilityOfBad)));

    /// <summary>The probability of bad that an (unclipped) score stands for: 1 / (1 + BaseOdds · 2^((score − BaseScore)/PDO)).</summary>
    /// <param name="score">A score in points.</param>
    public double ProbabilityFromScore(double score) =>
        1 / (1 + (BaseOdds * Math.Pow(2, (score - BaseScore) / PointsToDoubleOdds)));
}
