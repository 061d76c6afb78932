using System.Globalization;

namespace CustomerRisk.Policy;

/// <summary>An early-warning rule that fired: the caller turns it into an alert (or keeps an open one open).</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Metric">The metric's code.</param>
/// <param name="Comparison">The comparison's code (<c>gt</c>, <c>is_true</c>, …).</param>
/// <param name="Threshold">The threshold; null for <c>is_true</c>.</param>
/// <param name="Value">The figure that fired it.</param>
public sealed record WarningFiring(string RuleId, string Metric, string Comparison, decimal? Threshold, decimal Value)
{
    /// <summary>The firing in words: "overdue_share_high: overdue_share 0.25 gt 0.2".</summary>
    public string Message => Threshold is { } t
        ? $"{RuleId}: {Metric} {F(Value)} {Comparison} {F(t)}"
        : $"{RuleId}: {Metric} is true";

    private static string F(decimal value) => Math.Round(value, 4).ToString("G29", CultureInfo.InvariantCulture);
}
