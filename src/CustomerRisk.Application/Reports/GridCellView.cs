namespace CustomerRisk.Application.Reports;

/// <summary>One cell of the portfolio's value–loyalty grid: how many customers are in it and their receivables.</summary>
/// <param name="Value">Value level code: <c>high</c>, <c>medium</c>, <c>low</c>.</param>
/// <param name="Loyal">The loyalty column.</param>
/// <param name="Cell">The cell's code, e.g. <c>high_value_loyal</c>.</param>
/// <param name="Strategy">The cell's strategy from the policy.</param>
/// <param name="Customers">Customers in the cell.</param>
/// <param name="OpenAr">Their open receivables, money.</param>
/// <param name="HighRisk">Of them, how many are high-risk (risk overrides value in the class, not in the cell).</param>
public sealed record GridCellView(string Value, bool Loyal, string Cell, string Strategy, int Customers, decimal OpenAr, int HighRisk);
