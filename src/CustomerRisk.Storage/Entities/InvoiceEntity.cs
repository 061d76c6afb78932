namespace CustomerRisk.Storage.Entities;

/// <summary>A row of invoices.</summary>
public sealed class InvoiceEntity
{
    public long InvoiceKey { get; set; }
    public required string InvoiceId { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    public decimal Amount { get; set; }
    public string? Currency { get; set; }
}
