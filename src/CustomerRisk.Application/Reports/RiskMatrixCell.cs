namespace CustomerRisk.Application.Reports;

/// <summary>One cell of the risk matrix (seed 003: 风险矩阵).</summary>
/// <param name="Probability">Probability level: <c>low</c>, <c>medium</c>, <c>high</c>.</param>
/// <param name="Impact">Impact level: <c>low</c>, <c>medium</c>, <c>high</c>.</param>
/// <param name="Severity">The cell's severity from the policy.</param>
/// <param name="Marked">True for the customer's own cell (a customer report).</param>
/// <param name="Customers">Customers in the cell (a portfolio report; 0 in a customer report).</param>
/// <param name="Exposure">Their exposure, money (a portfolio report).</param>
public sealed record RiskMatrixCell(string Probability, string Impact, string Severity, bool Marked, int Customers, decimal Exposure);
