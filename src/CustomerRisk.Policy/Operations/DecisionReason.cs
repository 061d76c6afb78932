using System.Globalization;

namespace CustomerRisk.Policy;

/// <summary>Why a rule fired: the rule id and the numbers it compared.</summary>
/// <param name="RuleId">The rule (<c>block_over_limit</c>, <c>review_grade</c>, …).</param>
/// <param name="Message">The reason in words with its numbers.</param>
/// <param name="Value">The figure compared, when a number.</param>
/// <param name="Threshold">What it was compared with, when a number.</param>
public sealed record DecisionReason(string RuleId, string Message, decimal? Value = null, decimal? Threshold = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: {Message}";

    internal static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
