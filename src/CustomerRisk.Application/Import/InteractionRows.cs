using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class InteractionRows : LedgerRowMapper<Interaction>
{
    private const int EventId = 0, CustomerId = 1, Date = 2, Type = 3, Amount = 4, Note = 5;

    private static readonly LedgerColumn[] s_columns =
    [
        new("event_id", true), new("customer_id", true), new("date", true), new("type", true),
        new("amount", false), new("note", false),
    ];

    public override ImportKind Kind => ImportKind.Interactions;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => EventId;

    public override bool TryMap(RowCheck row, out Interaction record)
    {
        record = null!;
        if (!row.RequiredKey(EventId, out var id)
            || !row.KnownCustomer(CustomerId, out var customer)
            || !row.RequiredDate(Date, out var date)
            || !row.Code<InteractionType>(Type, Codes.TryParseInteractionType,
                "complaint, refund, return, dispute, collection_call, promise_to_pay, broken_promise, visit or bad_record",
                required: true, out var type)
            || !row.OptionalAmount(Amount, allowNegative: false, out var amount))
        {
            return false;
        }

        record = new Interaction
        {
            EventId = id,
            CustomerId = customer,
            Date = date,
            Type = type!.Value,
            Amount = amount,
            Note = row.OptionalText(Note),
        };
        return true;
    }

    public override string KeyOf(Interaction record) => record.EventId;

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<Interaction> rows,
        CancellationToken cancellationToken) => session.UpsertInteractionsAsync(rows, cancellationToken);
}
