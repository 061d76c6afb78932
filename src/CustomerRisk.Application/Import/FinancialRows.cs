using System.Globalization;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

internal sealed class FinancialRows : LedgerRowMapper<FinancialStatement>
{
    private const int CustomerId = 0, PeriodEnd = 1, Revenue = 2, NetIncome = 3, TotalAssets = 4,
        TotalLiabilities = 5, CurrentAssets = 6, CurrentLiabilities = 7, OperatingCashFlow = 8;

    private static readonly LedgerColumn[] s_columns =
    [
        new("customer_id", true), new("period_end", true), new("revenue", false), new("net_income", false),
        new("total_assets", false), new("total_liabilities", false), new("current_assets", false),
        new("current_liabilities", false), new("operating_cash_flow", false),
    ];

    public override ImportKind Kind => ImportKind.Financials;

    public override LedgerColumn[] Columns => s_columns;

    public override int KeyColumn => PeriodEnd;

    public override bool TryMap(RowCheck row, out FinancialStatement record)
    {
        record = null!;

        // Losses and negative cash flow are real figures: only the balance-sheet totals cannot be negative.
        if (!row.KnownCustomer(CustomerId, out var customer)
            || !row.RequiredDate(PeriodEnd, out var periodEnd)
            || !row.OptionalAmount(Revenue, allowNegative: false, out var revenue)
            || !row.OptionalAmount(NetIncome, allowNegative: true, out var netIncome)
            || !row.OptionalAmount(TotalAssets, allowNegative: false, out var totalAssets)
            || !row.OptionalAmount(TotalLiabilities, allowNegative: false, out var totalLiabilities)
            || !row.OptionalAmount(CurrentAssets, allowNegative: false, out var currentAssets)
            || !row.OptionalAmount(CurrentLiabilities, allowNegative: false, out var currentLiabilities)
            || !row.OptionalAmount(OperatingCashFlow, allowNegative: true, out var operatingCashFlow))
        {
            return false;
        }

        record = new FinancialStatement
        {
            CustomerId = customer,
            PeriodEnd = periodEnd,
            Revenue = revenue,
            NetIncome = netIncome,
            TotalAssets = totalAssets,
            TotalLiabilities = totalLiabilities,
            CurrentAssets = currentAssets,
            CurrentLiabilities = currentLiabilities,
            OperatingCashFlow = operatingCashFlow,
        };
        return true;
    }

    public override string KeyOf(FinancialStatement record) =>
        string.Concat(record.CustomerId, "\u001f", Iso(record.PeriodEnd));

    public override string DescribeKey(FinancialStatement record) =>
        $"the statement of customer_id '{record.CustomerId}' for period_end {Iso(record.PeriodEnd)}";

    public override Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<FinancialStatement> rows,
        CancellationToken cancellationToken) => session.UpsertFinancialsAsync(rows, cancellationToken);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
