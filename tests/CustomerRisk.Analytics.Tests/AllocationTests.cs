namespace CustomerRisk.Analytics.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Compute_WithAWorkspace_AllocatesOnlyTheResult()
    {
        // 40 invoices and 40 payments, some late, one overpaid: the hot loop over customers must allocate nothing but
        // the CustomerIndicators record (about 0.5 KB), whatever the ledger's size.
        var builder = new LedgerBuilder();
        var day = new DateOnly(2024, 1, 5);
        for (var i = 0; i < 40; i++)
        {
            var issue = day.AddDays(i * 12);
            builder.Invoice($"I{i:D2}", issue, issue.AddDays(30), 1_000m + i);
            builder.Payment(issue.AddDays(25 + i % 20), i % 7 == 0 ? 1_500m : 1_000m + i, i % 3 == 0 ? $"I{i:D2}" : null);
        }

        var ledger = builder.Build();
        var asOf = new DateOnly(2025, 6, 30);
        var workspace = new IndicatorWorkspace();
        IndicatorCalculator.Compute(ledger, asOf, IndicatorPolicy.Default, workspace); // grows the buffers once

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int calls = 200;
        for (var i = 0; i < calls; i++)
        {
            IndicatorCalculator.Compute(ledger, asOf, IndicatorPolicy.Default, workspace);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
        Assert.InRange(perCall, 1, 1024);
    }
}
