using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Import;

/// <summary>What one kind of file knows: its columns, how a row becomes a record, the record's key and where the
/// records go in the store.</summary>
internal abstract class LedgerRowMapper<T>
    where T : class
{
    public abstract ImportKind Kind { get; }

    /// <summary>The kind's columns, required ones marked (spec/data-formats.md).</summary>
    public abstract LedgerColumn[] Columns { get; }

    /// <summary>The column named when a key appears twice in a file.</summary>
    public abstract int KeyColumn { get; }

    /// <summary>Checks the row and builds its record; false (with the reason in <paramref name="row"/>) otherwise.</summary>
    public abstract bool TryMap(RowCheck row, out T record);

    /// <summary>The record's key, unique within a file.</summary>
    public abstract string KeyOf(T record);

    /// <summary>How a key is named in the duplicate reason.</summary>
    public virtual string DescribeKey(T record) => $"{Columns[KeyColumn].Name} '{KeyOf(record)}'";

    public abstract Task<UpsertCounts> UpsertAsync(IImportSession session, IReadOnlyList<T> rows,
        CancellationToken cancellationToken);

    /// <summary>Called for every accepted row (customers add themselves to the known customers).</summary>
    public virtual void OnAccepted(T record, HashSet<string> knownCustomers)
    {
    }
}
