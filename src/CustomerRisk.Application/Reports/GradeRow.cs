namespace CustomerRisk.Application.Reports;

/// <summary>One grade of the portfolio's grade distribution.</summary>
/// <param name="Grade">A, B, C, D or N.</param>
/// <param name="Customers">Customers with the grade.</param>
/// <param name="Share">Their share of the customers, 0–1 (0 in an empty portfolio).</param>
/// <param name="OpenAr">Their open receivables, money.</param>
/// <param name="Exposure">Their exposure, money.</param>
/// <param name="ExpectedLoss">Their expected loss, money.</param>
/// <param name="TermsDays">The grade's payment terms, days.</param>
/// <param name="Requirement">The grade's requirement before shipping.</param>
public sealed record GradeRow(string Grade, int Customers, decimal Share, decimal OpenAr, decimal Exposure,
    decimal ExpectedLoss, int TermsDays, string Requirement);
