namespace CustomerRisk.Application.Reports;

/// <summary>The portfolio's risk report: grade distribution, aging, DSO, concentration, expected loss, top risks, the
/// risk matrix with customers per cell, the customer classes and the value–loyalty grid. Built by
/// <see cref="RiskReportBuilder"/>; rendered by the writers.</summary>
public sealed record PortfolioRiskReport
{
    /// <summary>Every figure is as of this date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The policy version of every figure.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The score model.</summary>
    public required string ScoreModel { get; init; }

    /// <summary>Customers assessed.</summary>
    public required int Customers { get; init; }

    /// <summary>Open receivables, money.</summary>
    public required decimal OpenAr { get; init; }

    /// <summary>Overdue receivables, money.</summary>
    public required decimal OverdueAr { get; init; }

    /// <summary>Exposure (open AR plus open orders), money.</summary>
    public required decimal Exposure { get; init; }

    /// <summary>Sales of the last 12 months, money.</summary>
    public required decimal Sales12m { get; init; }

    /// <summary>Portfolio DSO, days; null when nothing was sold.</summary>
    public decimal? Dso { get; init; }

    /// <summary>Herfindahl–Hirschman index of the revenue shares, 0–1.</summary>
    public decimal? Hhi { get; init; }

    /// <summary>Share of sales of the five largest customers, 0–1.</summary>
    public decimal? Top5Share { get; init; }

    /// <summary>Share of sales of the ten largest customers, 0–1.</summary>
    public decimal? Top10Share { get; init; }

    /// <summary>Churn rate, 0–1.</summary>
    public decimal? ChurnRate { get; init; }

    /// <summary>Expected loss summed over the customers, money.</summary>
    public required decimal ExpectedLoss { get; init; }

    /// <summary>Warnings that fired, summed over the customers.</summary>
    public required int Alerts { get; init; }

    /// <summary>The grades A, B, C, D, N in that order.</summary>
    public required IReadOnlyList<GradeRow> Grades { get; init; }

    /// <summary>The aging buckets in order.</summary>
    public required IReadOnlyList<AgingRow> Aging { get; init; }

    /// <summary>The largest customers by sales, up to ten.</summary>
    public required IReadOnlyList<CustomerShareRow> LargestCustomers { get; init; }

    /// <summary>The top risks by expected loss, up to ten.</summary>
    public required IReadOnlyList<TopRiskRow> TopRisks { get; init; }

    /// <summary>The risk matrix with customers and exposure per cell.</summary>
    public required RiskMatrixView RiskMatrix { get; init; }

    /// <summary>High-value, ordinary and high-risk customers.</summary>
    public required IReadOnlyList<ClassRow> Classes { get; init; }

    /// <summary>The six cells of the value–loyalty grid.</summary>
    public required IReadOnlyList<GridCellView> Grid { get; init; }

    /// <summary>The portfolio's conclusion in two or three sentences.</summary>
    public required string Summary { get; init; }

    /// <summary>What the credit department should do about the portfolio.</summary>
    public required IReadOnlyList<string> Recommendations { get; init; }
}
