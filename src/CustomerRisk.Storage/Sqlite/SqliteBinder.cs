using CustomerRisk.Storage.Schema;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>Binds a row's business columns to the parameters ?1..?n of a prepared statement.</summary>
internal sealed class SqliteBinder : IRowSink
{
    private readonly SqliteStatement _statement;
    private int _parameter;

    public SqliteBinder(SqliteStatement statement)
    {
        _statement = statement;
    }

    /// <summary>Starts a row; returns the number of the next parameter after it is written.</summary>
    public void Start() => _parameter = 1;

    public int NextParameter => _parameter;

    public void Text(string? value) => _statement.Text(_parameter++, value);

    public void Integer(long? value) => Bind(value);

    public void Date(DateOnly? value) => Bind(value?.DayNumber);

    public void Money(decimal? value) => Bind(value is { } amount ? StoredAmount.ToScaled(amount, "amount") : null);

    private void Bind(long? value)
    {
        if (value is { } v)
        {
            _statement.Int64(_parameter++, v);
        }
        else
        {
            _statement.Null(_parameter++);
        }
    }
}
