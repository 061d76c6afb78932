using CustomerRisk.Application.Assess;

namespace CustomerRisk.Application.Reports;

/// <summary>What every risk report as of one date is built from (<see cref="BuildRiskReport.PrepareAsync"/>): the
/// portfolio assessed without saving, each customer's profile and value–loyalty class, and the portfolio report.
/// Immutable once built, so it may be shared between requests.</summary>
/// <param name="AsOf">The date assessed.</param>
/// <param name="Assessed">The assessment of every customer.</param>
/// <param name="Profiles">Each customer's profile, by id.</param>
/// <param name="Classes">Each assessed customer's class, in the order of <c>Assessed.Customers</c>.</param>
/// <param name="Index">Each assessed customer's position in <c>Assessed.Customers</c>, by id.</param>
/// <param name="Portfolio">The portfolio risk report.</param>
public sealed record RiskReportBasis(DateOnly AsOf, AssessPortfolioResult Assessed, IReadOnlyDictionary<string, CustomerProfile> Profiles,
    IReadOnlyList<ClassificationView> Classes, IReadOnlyDictionary<string, int> Index, PortfolioRiskReport Portfolio);
