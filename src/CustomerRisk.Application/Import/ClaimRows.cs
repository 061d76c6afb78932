using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class ClaimRows : LedgerRowMapper<Claim>
{
    private const int ClaimId = 0, CustomerId = 1, ClaimDate = 2, Amount = 3, InvoiceId = 4, Reason = 5;

    private static readonly LedgerColumn[] s_columns =
    [
        new("claim_id", true), new("customer_id", true), new("claim_date", true), new("amount", true),
        new("invoice_id", false), new("reason", false),
    ];

    public override ImportKind Kind => ImportKind.Claims;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => ClaimId;

    public override bool TryMap(RowCheck row, out Claim record)
    {
        record = null!;
        if (!row.RequiredKey(ClaimId, out var id)
            || !row.KnownCustomer(CustomerId, out var customer)
            || !row.RequiredDate(ClaimDate, out var date)
            || !row.PositiveAmount(Amount, out var amount)
            || !row.OptionalKey(InvoiceId, out var invoice)
            || !row.Code<ClaimReason>(Reason, Codes.TryParseClaimReason, "quality, shortage, price or other",
                required: false, out var reason))
        {
            return false;
        }

        record = new Claim
        {
            ClaimId = id,
            CustomerId = customer,
            ClaimDate = date,
            Amount = amount,
            InvoiceId = invoice,
            Reason = reason,
        };
        return true;
    }

    public override string KeyOf(Claim record) => record.ClaimId;

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<Claim> rows,
        CancellationToken cancellationToken) => session.UpsertClaimsAsync(rows, cancellationToken);
}
