using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The experts' scores on one criterion in one round: median and quartiles (R type 7).</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Count">How many experts scored it.</param>
/// <param name="Median">The median score, 1–5.</param>
/// <param name="LowerQuartile">The 25th percentile, linear interpolation (R type 7).</param>
/// <param name="UpperQuartile">The 75th percentile, linear interpolation (R type 7).</param>
public sealed record CriterionSummary(ExpertCriterion Criterion, int Count, decimal Median, decimal LowerQuartile, decimal UpperQuartile)
{
    /// <summary>The interquartile range, upper minus lower quartile; 0 or more.</summary>
    public decimal Iqr => UpperQuartile - LowerQuartile;
}
