namespace CustomerRisk.Storage.Ledgers;

/// <summary>Makes one ledger line from a row's integer columns.</summary>
internal delegate TLine RowDecoder<out TLine>(ReadOnlySpan<long> row);
