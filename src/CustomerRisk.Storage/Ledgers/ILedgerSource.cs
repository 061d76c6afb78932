namespace CustomerRisk.Storage.Ledgers;

/// <summary>One ledger read on one provider: opens each table's ordered query (each on its own connection, so they
/// can be read on separate threads).</summary>
internal interface ILedgerSource : IAsyncDisposable
{
    /// <summary>Opens the query of <paramref name="table"/>. Columns: Customers — key, customer_id, name, industry,
    /// region, sales_owner, annual_revenue, credit_limit, payment_terms_days, product_focus (enum number),
    /// customer_since; Invoices — key, issue_date, due_date, amount, invoice_key; Payments — key, payment_date, amount,
    /// invoice_key (0 for none); Claims — key, claim_date, amount; Orders — key, order_date, amount, status (number);
    /// Interactions — key, event_date, type (number). Dates are day numbers, amounts 1/10,000 units.</summary>
    IRowCursor Open(LedgerTable table);
}
