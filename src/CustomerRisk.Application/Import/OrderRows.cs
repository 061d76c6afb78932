using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class OrderRows : LedgerRowMapper<SalesOrder>
{
    private const int OrderId = 0, CustomerId = 1, OrderDate = 2, Amount = 3, Status = 4;

    private static readonly LedgerColumn[] s_columns =
    [
        new("order_id", true), new("customer_id", true), new("order_date", true), new("amount", true),
        new("status", false),
    ];

    public override ImportKind Kind => ImportKind.Orders;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => OrderId;

    public override bool TryMap(RowCheck row, out SalesOrder record)
    {
        record = null!;
        if (!row.RequiredKey(OrderId, out var id)
            || !row.KnownCustomer(CustomerId, out var customer)
            || !row.RequiredDate(OrderDate, out var date)
            || !row.PositiveAmount(Amount, out var amount)
            || !row.Code<OrderStatus>(Status, Codes.TryParseOrderStatus, "open, invoiced or cancelled",
                required: false, out var status))
        {
            return false;
        }

        record = new SalesOrder
        {
            OrderId = id,
            CustomerId = customer,
            OrderDate = date,
            Amount = amount,
            Status = status ?? OrderStatus.Open,
        };
        return true;
    }

    public override string KeyOf(SalesOrder record) => record.OrderId;

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<SalesOrder> rows,
        CancellationToken cancellationToken) => session.UpsertOrdersAsync(rows, cancellationToken);
}
