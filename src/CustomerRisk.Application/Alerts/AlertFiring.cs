namespace CustomerRisk.Application.Alerts;

/// <summary>A rule that fired for a customer in an assessment, as the alert synchronisation reads it.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Metric">The metric's code.</param>
/// <param name="Threshold">The threshold; null for a yes/no rule.</param>
/// <param name="Value">The figure that fired it.</param>
/// <param name="Severity">The customer's risk-matrix severity code.</param>
/// <param name="Message">The firing in words.</param>
public sealed record AlertFiring(string RuleId, string Metric, decimal? Threshold, decimal Value, string Severity, string Message);
