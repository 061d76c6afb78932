namespace CustomerRisk.Storage.Entities;

/// <summary>A row of payments. <see cref="InvoiceKey"/> is the named invoice's surrogate key once it is in the store.</summary>
public sealed class PaymentEntity
{
    public long PaymentKey { get; set; }
    public required string PaymentId { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public DateOnly PaymentDate { get; set; }
    public decimal Amount { get; set; }
    public string? InvoiceId { get; set; }
    public long? InvoiceKey { get; set; }
}
