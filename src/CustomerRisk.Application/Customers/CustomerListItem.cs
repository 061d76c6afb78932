namespace CustomerRisk.Application.Customers;

/// <summary>One row of the customer list: the master data and the latest saved assessment's headline figures
/// (money in the policy currency, PD a fraction 0–1). Grade and figures are null when never assessed.</summary>
public sealed record CustomerListItem
{
    public required string CustomerId { get; init; }
    public required string Name { get; init; }
    public string? Region { get; init; }
    public string? Industry { get; init; }
    public string? SalesOwner { get; init; }
    public DateOnly? AsOf { get; init; }
    public string? Grade { get; init; }
    public int? CreditScore { get; init; }
    public decimal? Pd { get; init; }
    public decimal? OpenAr { get; init; }
    public decimal? OverdueAr { get; init; }
    public decimal? Exposure { get; init; }
    public decimal? Dso { get; init; }
    public decimal? ExpectedLoss { get; init; }
}
