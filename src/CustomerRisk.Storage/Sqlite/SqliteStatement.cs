using System.Runtime.InteropServices;
using CustomerRisk.Storage.Ledgers;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>A prepared SQLite statement used through the native API: parameters are bound by number without boxing
/// and text is bound from UTF-16 without a copy, so one statement is reused for every row of a bulk path.</summary>
internal sealed class SqliteStatement : IRowCursor
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE: a UNIQUE index refused the row.</summary>
    private const int UniqueConstraintFailed = 2067;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;

    public SqliteStatement(SqliteConnection connection, string sql)
        : this(connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open."), sql)
    {
    }

    public SqliteStatement(NativeConnection connection, string sql)
        : this(connection.Handle, sql)
    {
    }

    /// <summary>A statement on an open connection's handle (of either connection type).</summary>
    public SqliteStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        // Kept alive by _statement until Dispose.
        _handle = _statement.DangerousGetHandle();
    }

    public void Int64(int parameter, long value) => Check(NativeSqlite.BindInt64(_handle, parameter, value));

    public void Null(int parameter) => Check(NativeSqlite.BindNull(_handle, parameter));

    public void Text(int parameter, string? value)
    {
        if (value is null)
        {
            Check(NativeSqlite.BindNull(_handle, parameter));
        }
        else if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text16(_statement, parameter, ReadOnlySpan<char>.Empty));
        }
        else
        {
            Check(NativeSqlite.BindText16(_handle, parameter, ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(value.AsSpan())),
                checked(value.Length * 2), NativeSqlite.Transient));
        }
    }

    /// <summary>Binds long text as UTF-8, converted in <paramref name="buffer"/> (grown as needed and reused from row to
    /// row): SQLite stores UTF-8, and its own conversion from UTF-16 is a byte-at-a-time loop, where .NET's is
    /// vectorised. For text of kilobytes, such as an assessment's details.</summary>
    public void Utf8Text(int parameter, string value, ref byte[] buffer)
    {
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(value, buffer);
        if (bytes == 0)
        {
            Check(raw.sqlite3_bind_text16(_statement, parameter, ReadOnlySpan<char>.Empty));
            return;
        }

        Check(NativeSqlite.BindText(_handle, parameter, ref buffer[0], bytes, NativeSqlite.Transient));
    }

    /// <summary>Binds text that is already UTF-8 (SQLite copies it before the call returns).</summary>
    public void Utf8(int parameter, ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            Check(raw.sqlite3_bind_text16(_statement, parameter, ReadOnlySpan<char>.Empty));
            return;
        }

        Check(NativeSqlite.BindText(_handle, parameter, ref MemoryMarshal.GetReference(text), text.Length, NativeSqlite.Transient));
    }

    /// <summary>Runs the statement once; true when it returned a row (read it, then call <see cref="Reset"/>).</summary>
    public bool Step()
    {
        var rc = NativeSqlite.Step(_handle);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        NativeSqlite.Reset(_handle);
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

    /// <summary>Runs a statement that changes one row at most, and says what it did: 0 nothing, 1 an update, or the
    /// new row's key (&gt; 1 is not guaranteed; see <see cref="UpsertOutcome"/>).</summary>
    public UpsertOutcome Upsert()
    {
        var db = _db.DangerousGetHandle();
        // An insert sets the last row id to the new row's key (never 0); an update leaves it alone.
        NativeSqlite.SetLastInsertRowId(db, 0);
        Step();
        Reset();
        if (NativeSqlite.Changes(db) == 0)
        {
            return new UpsertOutcome(UpsertOutcome.Kind.Unchanged, 0);
        }

        var key = NativeSqlite.LastInsertRowId(db);
        return key == 0 ? new UpsertOutcome(UpsertOutcome.Kind.Updated, 0) : new UpsertOutcome(UpsertOutcome.Kind.Inserted, key);
    }

    /// <summary>Runs a plain INSERT of one row: the new row's key, or 0 when a row of the same unique key is already
    /// stored (SQLite checks the unique indexes before it writes anything, so a refused row leaves no trace and needs
    /// no statement journal). Any other failure throws.</summary>
    public long TryInsert()
    {
        var rc = NativeSqlite.Step(_handle);
        if (rc == raw.SQLITE_DONE)
        {
            Check(NativeSqlite.Reset(_handle));
            return NativeSqlite.LastInsertRowId(_db.DangerousGetHandle());
        }

        var extended = NativeSqlite.ExtendedErrorCode(_db.DangerousGetHandle());
        NativeSqlite.Reset(_handle);
        if (extended == UniqueConstraintFailed)
        {
            return 0;
        }

        Check(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc);
        return 0;
    }

    public void Reset() => Check(NativeSqlite.Reset(_handle));

    public bool Next() => Step();

    public bool IsNull(int column) => NativeSqlite.ColumnType(_handle, column) == raw.SQLITE_NULL;

    public long Int64(int column) => NativeSqlite.ColumnInt64(_handle, column);

    public void Int64s(Span<long> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = NativeSqlite.ColumnInt64(_handle, i);
        }
    }

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
