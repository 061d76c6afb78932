using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class PaymentRows : LedgerRowMapper<Payment>
{
    private const int PaymentId = 0, CustomerId = 1, PaymentDate = 2, Amount = 3, InvoiceId = 4;

    private static readonly LedgerColumn[] s_columns =
    [
        new("payment_id", true), new("customer_id", true), new("payment_date", true), new("amount", true),
        new("invoice_id", false),
    ];

    public override ImportKind Kind => ImportKind.Payments;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => PaymentId;

    public override bool TryMap(RowCheck row, out Payment record)
    {
        record = null!;
        if (!row.RequiredKey(PaymentId, out var id)
            || !row.KnownCustomer(CustomerId, out var customer)
            || !row.RequiredDate(PaymentDate, out var paid)
            || !row.PositiveAmount(Amount, out var amount)
            || !row.OptionalKey(InvoiceId, out var invoice))
        {
            return false;
        }

        record = new Payment
        {
            PaymentId = id,
            CustomerId = customer,
            PaymentDate = paid,
            Amount = amount,
            InvoiceId = invoice,
        };
        return true;
    }

    public override string KeyOf(Payment record) => record.PaymentId;

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<Payment> rows,
        CancellationToken cancellationToken) => session.UpsertPaymentsAsync(rows, cancellationToken);
}
