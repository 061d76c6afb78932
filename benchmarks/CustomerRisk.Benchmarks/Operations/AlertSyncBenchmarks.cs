using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerRisk.Application.Alerts;

namespace CustomerRisk.Benchmarks.Operations;

/// <summary>The alert lifecycle rule (<see cref="AlertSynchroniser.Plan"/>) over 100,000 customers with 3 firings each
/// against 300,000 active alerts: a month where a third of the firings are new, a third still fire and a third have
/// cleared. In memory only; the store's part is measured end to end in docs/operations.md. Run: <c>dotnet run -c
/// Release --project benchmarks/CustomerRisk.Benchmarks -- --filter '*AlertSyncBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AlertSyncBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);
    private Dictionary<string, IReadOnlyList<AlertFiring>> _firings = [];
    private Alert[] _active = [];

    /// <summary>How many customers the run assessed.</summary>
    [Params(100_000)]
    public int Customers { get; set; }

    /// <summary>Builds the run and the register once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _firings = new Dictionary<string, IReadOnlyList<AlertFiring>>(Customers, StringComparer.Ordinal);
        var active = new List<Alert>(Customers * 3);
        var id = 0L;
        for (var c = 0; c < Customers; c++)
        {
            var customer = $"C{c:D7}";
            // Rules r0, r1 were active; r1, r2 fire now: r0 clears, r1 updates, r2 opens.
            _firings[customer] = [Firing("r1", c), Firing("r2", c)];
            foreach (var rule in new[] { "r0", "r1", "rx" })
            {
                active.Add(new Alert
                {
                    AlertId = ++id, CustomerId = customer, RuleId = rule, Metric = rule, Threshold = 1m, Value = 2m, Severity = "low",
                    Message = rule, FirstSeen = AsOf.AddDays(-30), LastSeen = AsOf.AddDays(-30), Status = AlertStatus.Open,
                });
            }
        }

        _active = [.. active];
    }

    /// <summary>The changes of one monthly run.</summary>
    [Benchmark]
    public int PlanOneMonth() => AlertSynchroniser.Plan(AsOf, _firings, _active, DateTimeOffset.UnixEpoch).Count;

    private static AlertFiring Firing(string rule, int customer) => new(rule, rule, 1m, 2m + (customer % 7), "low", rule);
}
