namespace CustomerRisk.Application.Reports;

/// <summary>A customer of the concentration table: its share of the portfolio's sales.</summary>
/// <param name="CustomerId">The customer's key.</param>
/// <param name="Name">The name as imported (escape when rendering).</param>
/// <param name="Grade">Its grade.</param>
/// <param name="Sales12m">sales_12m, money.</param>
/// <param name="RevenueShare">Its share of the portfolio's sales_12m, 0–1.</param>
public sealed record CustomerShareRow(string CustomerId, string? Name, string Grade, decimal Sales12m, decimal? RevenueShare);
