namespace CustomerRisk.Storage.Ledgers;

/// <summary>A forward-only result set read by column number, the same over SQLite and PostgreSQL: the queries of both
/// providers return dates as day numbers and amounts as scaled integers, so the decoding code is shared.</summary>
internal interface IRowCursor : IDisposable
{
    /// <summary>Advances to the next row; false at the end.</summary>
    bool Next();

    bool IsNull(int column);

    long Int64(int column);

    /// <summary>Reads the first row.Length columns as integers (NULL reads as 0), in one call per row.</summary>
    void Int64s(Span<long> row);

    string Text(int column);
}
