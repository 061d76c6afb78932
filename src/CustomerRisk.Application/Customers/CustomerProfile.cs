using CustomerRisk.Domain;

namespace CustomerRisk.Application.Customers;

/// <summary>A customer's master data as imported (spec/data-formats.md, customers).</summary>
public sealed record CustomerProfile
{
    public required string CustomerId { get; init; }
    public required string Name { get; init; }
    public string? Industry { get; init; }
    public string? Region { get; init; }
    public string? SalesOwner { get; init; }
    public decimal? AnnualRevenue { get; init; }
    public decimal? CreditLimit { get; init; }
    public int PaymentTermsDays { get; init; }
    public string? ProductFocus { get; init; }
    public DateOnly? CustomerSince { get; init; }
}
