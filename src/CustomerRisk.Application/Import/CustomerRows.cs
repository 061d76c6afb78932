using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class CustomerRows : LedgerRowMapper<Customer>
{
    private const int CustomerId = 0, Name = 1, Industry = 2, Region = 3, SalesOwner = 4, AnnualRevenue = 5,
        CreditLimit = 6, PaymentTermsDays = 7, ProductFocus = 8, CustomerSince = 9;

    private static readonly LedgerColumn[] s_columns =
    [
        new("customer_id", true), new("name", true), new("industry", false), new("region", false),
        new("sales_owner", false), new("annual_revenue", false), new("credit_limit", false),
        new("payment_terms_days", false), new("product_focus", false), new("customer_since", false),
    ];

    public override ImportKind Kind => ImportKind.Customers;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => CustomerId;

    public override bool TryMap(RowCheck row, out Customer record)
    {
        record = null!;
        if (!row.RequiredKey(CustomerId, out var id)
            || !row.RequiredText(Name, out var name)
            || !row.OptionalAmount(AnnualRevenue, allowNegative: false, out var revenue)
            || !row.OptionalAmount(CreditLimit, allowNegative: false, out var limit)
            || !row.Integer(PaymentTermsDays, 0, 3650, whenEmpty: 30, out var terms)
            || !row.Code<Domain.ProductFocus>(ProductFocus, Codes.TryParseProductFocus,
                "exclusive, mainly_ours, equal, mainly_competitor or the letters A, B, C, D", required: false, out var focus)
            || !row.OptionalDate(CustomerSince, out var since))
        {
            return false;
        }

        record = new Customer
        {
            CustomerId = id,
            Name = name,
            Industry = row.OptionalText(Industry),
            Region = row.OptionalText(Region),
            SalesOwner = row.OptionalText(SalesOwner),
            AnnualRevenue = revenue,
            CreditLimit = limit,
            PaymentTermsDays = terms,
            ProductFocus = focus,
            CustomerSince = since,
        };
        return true;
    }

    public override string KeyOf(Customer record) => record.CustomerId;

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<Customer> rows,
        CancellationToken cancellationToken) => session.UpsertCustomersAsync(rows, cancellationToken);

    public override void OnAccepted(Customer record, HashSet<string> knownCustomers) =>
        knownCustomers.Add(record.CustomerId);
}
