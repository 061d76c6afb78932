using System.Globalization;

namespace CustomerRisk.Modeling.Tables;

/// <summary>
/// One column of a <see cref="ModelingTable"/>: either numbers (NaN for missing) or categorical codes (-1 for missing)
/// with their level names. Immutable once built; safe to share between threads.
/// </summary>
public sealed class TableColumn
{
    private readonly double[]? _numbers;
    private readonly int[]? _codes;
    private readonly string[] _levels;

    private TableColumn(string name, ColumnKind kind, double[]? numbers, int[]? codes, string[] levels)
    {
        Name = name;
        Kind = kind;
        _numbers = numbers;
        _codes = codes;
        _levels = levels;
        RowCount = numbers?.Length ?? codes!.Length;
        var missing = 0;
        if (numbers is not null)
        {
            foreach (var v in numbers)
            {
                if (double.IsNaN(v))
                {
                    missing++;
                }
            }
        }
        else
        {
            foreach (var c in codes!)
            {
                if (c < 0)
                {
                    missing++;
                }
            }
        }

        MissingCount = missing;
    }

    /// <summary>The column name as written in the header.</summary>
    public string Name { get; }

    /// <summary>Whether the column holds numbers or categorical codes.</summary>
    public ColumnKind Kind { get; }

    /// <summary>Number of rows, at least 0.</summary>
    public int RowCount { get; }

    /// <summary>Number of rows whose value is missing, 0 to <see cref="RowCount"/>.</summary>
    public int MissingCount { get; }

    /// <summary>The numbers, NaN where missing. Throws for a categorical column.</summary>
    public ReadOnlySpan<double> Numbers =>
        _numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical, not numeric.");

    /// <summary>The level codes, indexes into <see cref="Levels"/>, -1 where missing. Throws for a numeric column.</summary>
    public ReadOnlySpan<int> Codes =>
        _codes ?? throw new InvalidOperationException($"Column '{Name}' is numeric, not categorical.");

    /// <summary>The level names of a categorical column in code order; empty for a numeric column.</summary>
    public IReadOnlyList<string> Levels => _levels;

    /// <summary>Builds a numeric column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="numbers">Values, NaN for missing; the array is kept, not copied.</param>
    public static TableColumn Numeric(string name, double[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new TableColumn(name, ColumnKind.Numeric, numbers, null, []);
    }

    /// <summary>Builds a categorical column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="codes">Codes into <paramref name="levels"/>, -1 for missing; the array is kept, not copied.</param>
    /// <param name="levels">Level names, distinct.</param>
    /// <exception cref="ArgumentException">A code is outside -1 … levels.Count − 1.</exception>
    public static TableColumn Categorical(string name, int[] codes, IReadOnlyList<string> levels)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(levels);
        foreach (var c in codes)
        {
            if (c < -1 || c >= levels.Count)
            {
                throw new ArgumentException($"Column '{name}' has code {c} outside its {levels.Count} levels.", nameof(codes));
            }
        }

        return new TableColumn(name, ColumnKind.Categorical, null, codes, [.. levels]);
    }

    /// <summary>Whether the value in <paramref name="row"/> is missing.</summary>
    /// <param name="row">Row index, 0 to <see cref="RowCount"/> − 1.</param>
    public bool IsMissing(int row) => _numbers is not null ? double.IsNaN(_numbers[row]) : _codes![row] < 0;

    /// <summary>The value in <paramref name="row"/> as text (numbers in invariant round-trip form), or null when missing.</summary>
    /// <param name="row">Row index, 0 to <see cref="RowCount"/> − 1.</param>
    public string? TextAt(int row)
    {
        if (_numbers is not null)
        {
            var v = _numbers[row];
            return double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture);
        }

        var code = _codes![row];
        return code < 0 ? null : _levels[code];
    }

    /// <summary>A new column holding only the given rows, in the given order.</summary>
    /// <param name="rows">Row indexes into this column.</param>
    public TableColumn SelectRows(ReadOnlySpan<int> rows)
    {
        if (_numbers is not null)
        {
            var values = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                values[i] = _numbers[rows[i]];
            }

            return new TableColumn(Name, Kind, values, null, []);
        }

        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = _codes![rows[i]];
        }

        return new TableColumn(Name, Kind, null, codes, _levels);
    }
}
