using System.Runtime.InteropServices;

namespace CustomerRisk.Storage.Sqlite;

/// <summary>Runs a background checkpoint's bulk on a thread of its own at a lower scheduling priority (nice 10 on Linux),
/// so that on a busy machine the requests' threads go first and the copy takes the CPU they leave: the bulk's 30–60 ms
/// of copying, twice a second, otherwise competes with the order checks it exists to keep fast. The work must leave
/// this thread (<c>await Task.Yield()</c>) before it holds anything the writers wait for: at lower priority that would
/// make them wait longer. The thread ends at the work's first wait; its failures stay in the task, as with Task.Run.</summary>
internal static class CheckpointThread
{
    private const int LowerPriority = 10;

    /// <summary>Starts <paramref name="work"/> on a new background thread of lower priority, up to its first wait.</summary>
    public static void Start(Func<Task> work)
    {
        var thread = new Thread(() =>
        {
            if (OperatingSystem.IsLinux())
            {
                // PRIO_PROCESS with who = 0 is the calling thread on Linux; a failure leaves it at normal priority.
                _ = SetPriority(0, 0, LowerPriority);
            }

            _ = work();
        })
        {
            IsBackground = true,
            Name = "crisk checkpoint",
        };
        thread.Start();
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
