using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Entities;

/// <summary>A row of customers (the EF model; imports and ledger reads go through the bulk paths).</summary>
public sealed class CustomerEntity
{
    public long CustomerKey { get; set; }
    public required string CustomerId { get; set; }
    public required string Name { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public string? SalesOwner { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public decimal? CreditLimit { get; set; }
    public int PaymentTermsDays { get; set; }
    public ProductFocus? ProductFocus { get; set; }
    public DateOnly? CustomerSince { get; set; }
}
