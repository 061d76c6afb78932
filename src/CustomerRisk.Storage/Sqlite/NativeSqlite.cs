using System.Runtime.InteropServices;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>The per-row calls of the bulk paths, straight into the e_sqlite3 library that Microsoft.Data.Sqlite loads.
/// Going through SQLitePCLRaw costs a provider interface call and a SafeHandle add-ref/release per column, which on
/// 10 million rows is seconds; these take the raw statement pointer and skip the GC transition for calls that only
/// read or copy a value.</summary>
internal static partial class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies bound text before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset")]
    public static extern int Reset(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_extended_errcode")]
    [SuppressGCTransition]
    public static extern int ExtendedErrorCode(IntPtr db);

    [DllImport(Library, EntryPoint = "sqlite3_changes64")]
    [SuppressGCTransition]
    public static extern long Changes(IntPtr db);

    [DllImport(Library, EntryPoint = "sqlite3_last_insert_rowid")]
    [SuppressGCTransition]
    public static extern long LastInsertRowId(IntPtr db);

    [DllImport(Library, EntryPoint = "sqlite3_set_last_insert_rowid")]
    [SuppressGCTransition]
    public static extern void SetLastInsertRowId(IntPtr db, long rowId);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    public static extern int BindInt64(IntPtr statement, int parameter, long value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    public static extern int BindNull(IntPtr statement, int parameter);

    // UTF-16 text passed as bytes: a byte reference is blittable and pinned in place, where a char one is copied.
    [DllImport(Library, EntryPoint = "sqlite3_bind_text16")]
    [SuppressGCTransition]
    public static extern int BindText16(IntPtr statement, int parameter, ref byte text, int bytes, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    public static extern int BindText(IntPtr statement, int parameter, ref byte text, int bytes, IntPtr destructor);
}
