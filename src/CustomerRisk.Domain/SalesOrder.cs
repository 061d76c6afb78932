namespace CustomerRisk.Domain;

/// <summary>A sales order not yet invoiced (spec/data-formats.md, orders).</summary>
public sealed record SalesOrder
{
    /// <summary>Unique key of the order.</summary>
    public required string OrderId { get; init; }

    /// <summary>The ordering customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The date the order was taken.</summary>
    public required DateOnly OrderDate { get; init; }

    /// <summary>Order amount, greater than 0.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Only <see cref="OrderStatus.Open"/> orders count in exposure.</summary>
    public OrderStatus Status { get; init; } = OrderStatus.Open;
}
