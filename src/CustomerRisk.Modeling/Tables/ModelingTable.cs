namespace CustomerRisk.Modeling.Tables;

/// <summary>
/// A columnar table of named columns of equal length: the unit every binning, model and metric works on. Immutable;
/// safe to share between threads.
/// </summary>
public sealed class ModelingTable
{
    private readonly TableColumn[] _columns;
    private readonly Dictionary<string, int> _byName;

    /// <summary>Builds a table from columns of equal length with distinct names.</summary>
    /// <param name="columns">The columns, in order.</param>
    /// <exception cref="ModelingDataException">Columns differ in length or two share a name.</exception>
    public ModelingTable(IEnumerable<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        RowCount = _columns.Length == 0 ? 0 : _columns[0].RowCount;
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].RowCount != RowCount)
            {
                throw new ModelingDataException(
                    $"Column '{_columns[i].Name}' has {_columns[i].RowCount} rows where the table has {RowCount}.");
            }

            if (!_byName.TryAdd(_columns[i].Name, i))
            {
                throw new ModelingDataException($"Column name '{_columns[i].Name}' appears twice.");
            }
        }
    }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>Number of rows, at least 0.</summary>
    public int RowCount { get; }

    /// <summary>The column with this exact name.</summary>
    /// <param name="name">Column name, case-sensitive.</param>
    /// <exception cref="ModelingDataException">No such column; the message lists the columns there are.</exception>
    public TableColumn Column(string name) =>
        _byName.TryGetValue(name, out var i)
            ? _columns[i]
            : throw new ModelingDataException(
                $"There is no column '{name}'. The columns are: {string.Join(", ", _columns.Select(c => c.Name))}.");

    /// <summary>Whether a column of that name exists.</summary>
    /// <param name="name">Column name, case-sensitive.</param>
    public bool HasColumn(string name) => _byName.ContainsKey(name);

    /// <summary>A table without the named columns (names that do not exist are ignored).</summary>
    /// <param name="names">Columns to leave out.</param>
    public ModelingTable Without(params string[] names)
    {
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        return new ModelingTable(_columns.Where(c => !drop.Contains(c.Name)));
    }

    /// <summary>A table holding only the given rows, in the given order.</summary>
    /// <param name="rows">Row indexes.</param>
    public ModelingTable SelectRows(ReadOnlySpan<int> rows)
    {
        var selected = new TableColumn[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            selected[i] = _columns[i].SelectRows(rows);
        }

        return new ModelingTable(selected);
    }
}
