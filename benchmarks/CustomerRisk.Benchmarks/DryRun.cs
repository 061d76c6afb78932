namespace CustomerRisk.Benchmarks;

/// <summary>Set by the dry-run test (tests/CustomerRisk.Benchmarks.Tests), which runs every benchmark once so that
/// benchmarks cannot silently rot: benchmarks whose data size is fixed in code (not a [Params]) then use a tiny size.
/// Never set when measuring.</summary>
internal static class DryRun
{
    public static bool Enabled { get; set; }
}
