using System.Diagnostics;

namespace CustomerRisk.Cli;

/// <summary>A one-line progress display on stderr, shown only when stderr is a terminal (spec/cli.md) and redrawn at
/// most ten times a second.</summary>
public sealed class ProgressLine : IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private bool _drawn;

    /// <summary>Shows <paramref name="text"/> unless a line was drawn less than 100 ms ago (or <paramref name="force"/>).</summary>
    public void Show(string text, bool force = false)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (!force && _drawn && _sinceDraw.ElapsedMilliseconds < 100)
            {
                return;
            }

            Console.Error.Write("\r" + text.PadRight(Math.Max(0, Math.Min(Console.WindowWidth - 1, 100))));
            _drawn = true;
            _sinceDraw.Restart();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_enabled && _drawn)
            {
                Console.Error.WriteLine();
                _drawn = false;
            }
        }
    }
}
