namespace CustomerRisk.Storage.Ledgers;

/// <summary>The queries a ledger read runs, each ordered by customer_id.</summary>
internal enum LedgerTable
{
    Customers,
    Invoices,
    Payments,
    Claims,
    Orders,
    Interactions,
}
