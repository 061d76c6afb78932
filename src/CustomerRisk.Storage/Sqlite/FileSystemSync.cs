using System.Runtime.InteropServices;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>Flushes a file system's dirty pages to its disk (Linux <c>syncfs</c>), through a handle on a folder.
/// The database file itself is never opened here: closing any handle on it would drop the POSIX locks SQLite holds on
/// it in this process (sqlite.org/howtocorrupt.html, 2.2). Elsewhere than Linux it does nothing, and the checkpoint
/// that follows syncs what it must, only more slowly.</summary>
internal static class FileSystemSync
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY

    /// <summary>Flushes the file system holding <paramref name="directory"/>; a failure only leaves the work to the
    /// next sync.</summary>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var handle = Open(directory, ReadOnlyDirectory);
        if (handle < 0)
        {
            return;
        }

        try
        {
            _ = SyncFs(handle);
        }
        finally
        {
            _ = Close(handle);
        }
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "syncfs")]
    private static extern int SyncFs(int handle);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int handle);
}
