using CustomerRisk.Storage.Ledgers;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>A prepared SQLite statement used through the native API: parameters are bound by number without boxing
/// and text is bound from UTF-16 without a copy, so one statement is reused for every row of a bulk path.</summary>
internal sealed class SqliteStatement : IRowCursor
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Int64(int parameter, long value) => Check(raw.sqlite3_bind_int64(_statement, parameter, value));

    public void Null(int parameter) => Check(raw.sqlite3_bind_null(_statement, parameter));

    public void Text(int parameter, string? value) => Check(value is null
        ? raw.sqlite3_bind_null(_statement, parameter)
        : raw.sqlite3_bind_text16(_statement, parameter, value.AsSpan()));

    /// <summary>Runs the statement once; true when it returned a row (read it, then call <see cref="Reset"/>).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        raw.sqlite3_reset(_statement);
        Check(rc);
        return false;
    }

    /// <summary>Runs a statement that returns no rows, then resets it for the next use.</summary>
    public void Execute()
    {
        while (Step())
        {
        }

        Reset();
    }

    public void Reset() => Check(raw.sqlite3_reset(_statement));

    public bool Next() => Step();

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
