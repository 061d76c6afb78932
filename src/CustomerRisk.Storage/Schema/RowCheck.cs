namespace CustomerRisk.Storage.Schema;

/// <summary>Checks a row before anything of its batch is written: required columns present, amounts storable
/// exactly. A batch with a bad row is refused whole, with the row named, so the store never rounds or half-writes.</summary>
internal sealed class RowCheck<T> : IRowSink
{
    private readonly TableShape<T> _shape;
    private int _column;
    private string? _problem;

    public RowCheck(TableShape<T> shape)
    {
        _shape = shape;
    }

    public void Verify(T row, int index)
    {
        if (row is null)
        {
            throw new ArgumentException($"{_shape.Table}: row {index + 1} of the batch is null.");
        }

        _column = 0;
        _problem = null;
        _shape.Write(row, this);
        if (_problem is not null)
        {
            throw new ArgumentException($"{_shape.Table}: {_shape.DescribeKey(row)}: {_problem}.");
        }
    }

    public void Text(string? value) => Next(value is null);

    public void Integer(long? value) => Next(value is null);

    public void Date(DateOnly? value) => Next(value is null);

    public void Money(decimal? value)
    {
        var column = _shape.Columns[_column];
        if (value is { } amount && StoredAmount.Problem(amount) is { } problem)
        {
            _problem ??= $"{column.Name}: {problem}";
        }

        Next(value is null);
    }

    private void Next(bool isNull)
    {
        var column = _shape.Columns[_column++];
        if (isNull && column.Required)
        {
            _problem ??= $"{column.Name} is required";
        }
    }
}
