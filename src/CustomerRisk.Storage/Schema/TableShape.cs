namespace CustomerRisk.Storage.Schema;

/// <summary>One imported table: its business columns, its key (the conflict target of the upsert) and how a domain
/// record is written as a row. The SQL of both providers is generated from it, so the upsert, the change history and
/// the COPY all agree on the columns.</summary>
internal sealed class TableShape<T>
{
    /// <summary>The table name, also the name recorded in record_history.</summary>
    public required string Table { get; init; }

    /// <summary>The integer surrogate key column (SQLite's rowid alias; an identity column on PostgreSQL).</summary>
    public required string SurrogateKey { get; init; }

    /// <summary>The business columns in the order <see cref="Write"/> emits them.</summary>
    public required IReadOnlyList<Column> Columns { get; init; }

    /// <summary>The columns of the upsert key, as the import format defines it.</summary>
    public required IReadOnlyList<string> Key { get; init; }

    /// <summary>True for fact tables, which carry the customer's integer key next to customer_id.</summary>
    public required bool HasCustomerKey { get; init; }

    /// <summary>The customer a row belongs to.</summary>
    public required Func<T, string> CustomerId { get; init; }

    /// <summary>The row's key as text, for error messages.</summary>
    public required Func<T, string> DescribeKey { get; init; }

    /// <summary>Emits the row's business columns in order.</summary>
    public required Action<T, IRowSink> Write { get; init; }

    public IEnumerable<Column> NonKeyColumns => Columns.Where(c => !Key.Contains(c.Name));

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"{Table} has no column {column}.", nameof(column));
    }
}
