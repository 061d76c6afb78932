using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Entities;

/// <summary>A row of sales_orders.</summary>
public sealed class SalesOrderEntity
{
    public long OrderKey { get; set; }
    public required string OrderId { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public DateOnly OrderDate { get; set; }
    public decimal Amount { get; set; }
    public OrderStatus Status { get; set; }
}
