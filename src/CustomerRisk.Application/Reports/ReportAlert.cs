namespace CustomerRisk.Application.Reports;

/// <summary>An early warning that fired for the customer, with what to do about it.</summary>
/// <param name="Rule">The rule id from the policy, e.g. <c>overdue_share_high</c>.</param>
/// <param name="Metric">The metric code the rule reads; null when the rule is not in the policy the report uses.</param>
/// <param name="Comparison">The comparison in symbols (<c>&gt;</c>, <c>≥</c>, <c>is true</c>).</param>
/// <param name="Value">The value that fired it.</param>
/// <param name="Threshold">The threshold; null for a yes/no rule.</param>
/// <param name="Unit">How to write value and threshold.</param>
/// <param name="Severity">The risk-matrix severity of the customer: <c>low</c>, <c>medium</c>, <c>high</c>, <c>extreme</c>.</param>
/// <param name="Finding">What was found, in words.</param>
/// <param name="Action">What the credit manager should do.</param>
public sealed record ReportAlert(string Rule, string? Metric, string Comparison, decimal Value, decimal? Threshold,
    FigureUnit Unit, string Severity, string Finding, string Action);
