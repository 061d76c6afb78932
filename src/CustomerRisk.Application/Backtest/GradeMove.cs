namespace CustomerRisk.Application.Backtest;

/// <summary>Customers the baseline policy graded one way and the candidate another.</summary>
/// <param name="Baseline">The baseline policy's grade.</param>
/// <param name="Candidate">The candidate policy's grade.</param>
/// <param name="Customers">How many customers (customer-dates in a total).</param>
/// <param name="Bad">Of them, how many went bad afterwards.</param>
public sealed record GradeMove(string Baseline, string Candidate, int Customers, int Bad);
