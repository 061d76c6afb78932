using System.Diagnostics;
using System.Globalization;

namespace CustomerRisk.Cli;

/// <summary>With the environment variable <c>CRISK_PHASE_LOG</c> set (to anything), a command writes one line per
/// phase to standard error: wall time, the process's CPU time (user + system) and the bytes allocated on the managed
/// heap during the phase, then the totals with the garbage collector's counts and pause time. CPU time and allocations
/// say more than wall time on a shared machine (docs/benchmarks.md). Off by default: nothing is measured or written.</summary>
internal sealed class PhaseLog
{
    private const string Variable = "CRISK_PHASE_LOG";
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly string _command;
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu;
    private long _lastAllocated;
    private TimeSpan _lastPause;

    private PhaseLog(string command)
    {
        _command = command;
        _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _lastAllocated = GC.GetTotalAllocatedBytes(precise: false);
    }

    /// <summary>The log of the running command, or null when none was started (the usual case).</summary>
    public static PhaseLog? Current { get; private set; }

    /// <summary>Starts the log of <paramref name="command"/> as <see cref="Current"/> when <c>CRISK_PHASE_LOG</c> is set;
    /// null otherwise.</summary>
    public static PhaseLog? Start(string command) =>
        Current = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) ? null : new PhaseLog(command);

    /// <summary>Ends the phase named <paramref name="phase"/> and writes its line.</summary>
    public void Mark(string phase)
    {
        var wall = _wall.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var pause = GC.GetTotalPauseDuration();
        Write($"{phase}: wall {Seconds(wall - _lastWall)}, cpu {Seconds(cpu - _lastCpu)}, allocated {Megabytes(allocated - _lastAllocated)}, " +
              $"gc pause {Seconds(pause - _lastPause)}, heap {Megabytes(GC.GetTotalMemory(forceFullCollection: false))}");
        _lastPause = pause;
        _lastWall = wall;
        _lastCpu = cpu;
        _lastAllocated = allocated;
    }

    /// <summary>Writes the totals since <see cref="Start"/> was called, and the collector's work.</summary>
    public void End()
    {
        var process = Process.GetCurrentProcess();
        Write($"total: wall {Seconds(_wall.Elapsed)}, process cpu {Seconds(process.TotalProcessorTime)} " +
              $"(user {Seconds(process.UserProcessorTime)}), allocated {Megabytes(GC.GetTotalAllocatedBytes(precise: false))}, " +
              $"gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), gc pause {Seconds(GC.GetTotalPauseDuration())}, " +
              $"peak working set {Megabytes(process.PeakWorkingSet64)}");
        foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
        {
            var info = GC.GetGCMemoryInfo(kind);
            var pause = TimeSpan.Zero;
            foreach (var p in info.PauseDurations)
            {
                pause += p;
            }

            Write($"last {kind} gc: #{info.Index}, gen{info.Generation}, compacted {info.Compacted}, pause {Seconds(pause)}, " +
                  $"promoted {Megabytes(info.PromotedBytes)}, heap {Megabytes(info.HeapSizeBytes)}");
        }
    }

    private void Write(string line) => Console.Error.WriteLine($"[{_command}] {line}");

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("#,0.0 MB", CultureInfo.InvariantCulture);
}
