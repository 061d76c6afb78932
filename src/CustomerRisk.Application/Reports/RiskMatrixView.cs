namespace CustomerRisk.Application.Reports;

/// <summary>The risk matrix as a report shows it: the nine cells, rows probability high → low, columns impact
/// low → high, and how the levels are read.</summary>
public sealed record RiskMatrixView
{
    /// <summary>The nine cells: probability high, medium, low; within each, impact low, medium, high.</summary>
    public required IReadOnlyList<RiskMatrixCell> Cells { get; init; }

    /// <summary>How probability is levelled, in words ("PD: low below 2%, medium 2–10%, high above 10%").</summary>
    public required string ProbabilityRule { get; init; }

    /// <summary>How impact is levelled, in words.</summary>
    public required string ImpactRule { get; init; }

    /// <summary>The customer's probability level (a customer report), else null.</summary>
    public string? Probability { get; init; }

    /// <summary>The customer's impact level (a customer report), else null.</summary>
    public string? Impact { get; init; }

    /// <summary>The customer's severity (a customer report), else null.</summary>
    public string? Severity { get; init; }

    /// <summary>The customer's PD, 0–1 (a customer report).</summary>
    public decimal? Pd { get; init; }

    /// <summary>The customer's exposure as a share of the portfolio's, 0–1 (a customer report).</summary>
    public decimal? ExposureShare { get; init; }
}
