using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Entities;

/// <summary>A row of interactions.</summary>
public sealed class InteractionEntity
{
    public long EventKey { get; set; }
    public required string EventId { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public DateOnly EventDate { get; set; }
    public InteractionType Type { get; set; }
    public decimal? Amount { get; set; }
    public string? Note { get; set; }
}
