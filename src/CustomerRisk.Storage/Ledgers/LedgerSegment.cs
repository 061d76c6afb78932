namespace CustomerRisk.Storage.Ledgers;

/// <summary>One customer's rows of one table, as slices of a shared chunk (no per-customer array is allocated).
/// <see cref="Links"/> holds a second integer per row: the invoice's surrogate key for invoices, the named invoice's
/// key (0 for none) for payments; empty for other tables.</summary>
internal readonly record struct LedgerSegment<TLine>(long CustomerKey, Memory<TLine> Lines, ReadOnlyMemory<long> Links)
    where TLine : struct;
