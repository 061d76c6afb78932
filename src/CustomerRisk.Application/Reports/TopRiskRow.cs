namespace CustomerRisk.Application.Reports;

/// <summary>A customer among the portfolio's top risks (largest expected loss first).</summary>
/// <param name="CustomerId">The customer's key.</param>
/// <param name="Name">The name as imported (escape when rendering).</param>
/// <param name="Grade">Its grade.</param>
/// <param name="Severity">Its risk-matrix severity.</param>
/// <param name="Pd">Probability of default, 0–1.</param>
/// <param name="Exposure">Exposure, money.</param>
/// <param name="ExpectedLoss">Expected loss, money.</param>
/// <param name="OldestDaysPastDue">Days past due of its oldest open invoice.</param>
/// <param name="Alerts">The rule ids that fired.</param>
/// <param name="Action">The first thing to do, in words.</param>
public sealed record TopRiskRow(string CustomerId, string? Name, string Grade, string Severity, decimal? Pd,
    decimal Exposure, decimal ExpectedLoss, int OldestDaysPastDue, IReadOnlyList<string> Alerts, string Action);
