namespace CustomerRisk.Application.Import;

/// <summary>The rows of one import file, CSV or .xlsx, as text fields: the same validation and the same rejects file
/// serve both formats.</summary>
internal abstract class LedgerFileSource : IDisposable
{
    /// <summary>The header's fields as the file has them.</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>The line (CSV, 1 = the header) or sheet row (.xlsx) where the current row starts.</summary>
    public abstract long Line { get; }

    /// <summary>Moves to the next row that is not blank; false at the end of the file.</summary>
    public abstract bool Read();

    /// <summary>The current row's field at a header position, "" when the row is shorter.</summary>
    public abstract string Field(int index);

    /// <summary>True when the current row's quoting is broken (read after its fields).</summary>
    public abstract bool RowIsMalformed { get; }

    /// <summary>Every field of the current row, as read (for the rejects file).</summary>
    public abstract IReadOnlyList<string> RawRecord();

    public abstract void Dispose();
}
