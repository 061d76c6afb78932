using CustomerRisk.Storage.Ledgers;
using Npgsql;

namespace CustomerRisk.Storage.Postgres;

/// <summary>A query on a connection of its own, read as an <see cref="IRowCursor"/>; disposing it ends the
/// transaction and returns the connection to the pool.</summary>
internal sealed class PostgresCursor : IRowCursor
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction? _transaction;
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlDataReader _reader;

    public PostgresCursor(NpgsqlConnection connection, NpgsqlTransaction? transaction, NpgsqlCommand command)
    {
        _connection = connection;
        _transaction = transaction;
        _command = command;
        _reader = command.ExecuteReader();
    }

    public bool Next() => _reader.Read();

    public bool IsNull(int column) => _reader.IsDBNull(column);

    public long Int64(int column) => _reader.GetInt64(column);

    public void Int64s(Span<long> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = _reader.IsDBNull(i) ? 0 : _reader.GetInt64(i);
        }
    }

    public string Text(int column) => _reader.GetString(column);

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
        _transaction?.Dispose();
        _connection.Dispose();
    }
}
