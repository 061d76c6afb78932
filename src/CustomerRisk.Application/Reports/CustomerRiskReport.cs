using CustomerRisk.Application.Assess;

namespace CustomerRisk.Application.Reports;

/// <summary>A customer's risk assessment report (seed 002: 风险评估报告): what was identified, the risk matrix, the
/// method, and the conclusions and recommendations. A plain record built by <see cref="RiskReportBuilder"/>; the
/// Markdown and HTML writers (and the dashboard) only render it.</summary>
public sealed record CustomerRiskReport
{
    /// <summary>The customer's key.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The customer's name as imported (user-supplied text: escape it when rendering).</summary>
    public string? Name { get; init; }

    /// <summary>Industry, region and sales owner, as imported; null when not recorded.</summary>
    public string? Industry { get; init; }

    /// <summary>Region as imported.</summary>
    public string? Region { get; init; }

    /// <summary>Sales owner as imported.</summary>
    public string? SalesOwner { get; init; }

    /// <summary>Every figure is as of this date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The policy version of every figure.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The identified figures: receivables, payment behaviour, purchases, behaviour records, credit use.</summary>
    public required IReadOnlyList<ReportFigure> Indicators { get; init; }

    /// <summary>Open receivables by days past due.</summary>
    public required AgingOutput Aging { get; init; }

    /// <summary>The warnings that fired, with their values, thresholds and actions.</summary>
    public required IReadOnlyList<ReportAlert> Alerts { get; init; }

    /// <summary>The risk matrix with the customer's cell marked.</summary>
    public required RiskMatrixView RiskMatrix { get; init; }

    /// <summary>The customer's class and value–loyalty cell.</summary>
    public required ClassificationView Classification { get; init; }

    /// <summary>How the grade, score and limit were reached.</summary>
    public required MethodView Method { get; init; }

    /// <summary>The opinion and what to do.</summary>
    public required ConclusionView Conclusions { get; init; }
}
