using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Entities;

/// <summary>A row of claims.</summary>
public sealed class ClaimEntity
{
    public long ClaimKey { get; set; }
    public required string ClaimId { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public DateOnly ClaimDate { get; set; }
    public decimal Amount { get; set; }
    public string? InvoiceId { get; set; }
    public ClaimReason? Reason { get; set; }
}
