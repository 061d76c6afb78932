using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class InvoiceRows : LedgerRowMapper<Invoice>
{
    private const int InvoiceId = 0, CustomerId = 1, IssueDate = 2, DueDate = 3, Amount = 4, Currency = 5;

    private static readonly LedgerColumn[] s_columns =
    [
        new("invoice_id", true), new("customer_id", true), new("issue_date", true), new("due_date", true),
        new("amount", true), new("currency", false),
    ];

    public override ImportKind Kind => ImportKind.Invoices;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => InvoiceId;

    public override bool TryMap(RowCheck row, out Invoice record)
    {
        record = null!;
        if (!row.RequiredKey(InvoiceId, out var id)
            || !row.KnownCustomer(CustomerId, out var customer)
            || !row.RequiredDate(IssueDate, out var issued)
            || !row.RequiredDate(DueDate, out var due)
            || !row.NotBefore(DueDate, due, IssueDate, issued)
            || !row.PositiveAmount(Amount, out var amount)
            || !row.OptionalCurrency(Currency, out var currency))
        {
            return false;
        }

        record = new Invoice
        {
            InvoiceId = id,
            CustomerId = customer,
            IssueDate = issued,
            DueDate = due,
            Amount = amount,
            Currency = currency,
        };
        return true;
    }

    public override string KeyOf(Invoice record) => record.InvoiceId;

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<Invoice> rows,
        CancellationToken cancellationToken) => session.UpsertInvoicesAsync(rows, cancellationToken);
}
