namespace CustomerRisk.Application.Backtest;

/// <summary>The customers a policy gave one grade, and how many of them went bad afterwards.</summary>
/// <param name="Grade">A, B, C, D or N.</param>
/// <param name="Customers">Customers (customer-dates in a total) with the grade.</param>
/// <param name="Bad">Of them, those with an invoice that went 90+ days past due in the following 12 months.</param>
/// <param name="BadRate">Bad / customers, 0–1; null when no customer had the grade.</param>
public sealed record GradeBadRate(string Grade, int Customers, int Bad, decimal? BadRate);
