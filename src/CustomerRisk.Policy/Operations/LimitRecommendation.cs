using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>A recommended credit limit and terms with the calculation log an auditor asks for.</summary>
/// <param name="Grade">The grade it was sized for.</param>
/// <param name="Limit">The recommended limit in the portfolio currency, 0 or more, a multiple of the rounding step
/// (except a starter limit, which is taken as written).</param>
/// <param name="TermsDays">The payment terms of the grade.</param>
/// <param name="Requirement">What is required before shipping.</param>
/// <param name="PrepaymentShare">Share of an order to be paid in advance, 0–1.</param>
/// <param name="HoldOrders">Whether new orders are held.</param>
/// <param name="Log">The inputs and each step, in order.</param>
/// <param name="PolicyVersion">The policy version it was computed under.</param>
public sealed record LimitRecommendation(
    Grade Grade,
    decimal Limit,
    int TermsDays,
    string Requirement,
    decimal PrepaymentShare,
    bool HoldOrders,
    IReadOnlyList<CalculationStep> Log,
    string PolicyVersion)
{
    /// <summary>The log as lines of text, ending with the policy version.</summary>
    public string LogText => string.Join("\n", Log.Select(s => s.ToString()).Append($"policy {PolicyVersion}"));
}
