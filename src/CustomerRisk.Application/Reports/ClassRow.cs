namespace CustomerRisk.Application.Reports;

/// <summary>One customer class in the portfolio: how many customers and their receivables.</summary>
/// <param name="Class">The class code: <c>high_value</c>, <c>ordinary</c>, <c>high_risk</c>.</param>
/// <param name="Customers">Customers in the class.</param>
/// <param name="OpenAr">Their open receivables, money.</param>
/// <param name="Exposure">Their exposure, money.</param>
public sealed record ClassRow(string Class, int Customers, decimal OpenAr, decimal Exposure);
