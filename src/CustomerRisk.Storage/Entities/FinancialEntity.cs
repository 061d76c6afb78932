namespace CustomerRisk.Storage.Entities;

/// <summary>A row of financials.</summary>
public sealed class FinancialEntity
{
    public long FinancialKey { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal? Revenue { get; set; }
    public decimal? NetIncome { get; set; }
    public decimal? TotalAssets { get; set; }
    public decimal? TotalLiabilities { get; set; }
    public decimal? CurrentAssets { get; set; }
    public decimal? CurrentLiabilities { get; set; }
    public decimal? OperatingCashFlow { get; set; }
}
