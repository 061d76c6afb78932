using CustomerRisk.Modeling.Trees;

namespace CustomerRisk.Modeling.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void SingleRowScoring_AllocatesNothing_ForScorecardsAndTrees()
    {
        var (scorecard, rows) = LinearTests.SmallScorecard();
        var (x, y) = TreeTests.NoisyData(1000, seed: 8);
        var (ensemble, _) = GradientBoostingTrainer.Train(x, y, TreeTests.Features(4), new GradientBoostingOptions { Trees = 20, MaxDepth = 4 });
        Span<ReasonCode> reasons = stackalloc ReasonCode[4];
        double sink = 0;
        for (var warm = 0; warm < 2; warm++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var r = 0; r < 200; r++)
            {
                var row = rows.Row(r);
                sink += scorecard.Score(row) + scorecard.PredictProbability(row) + scorecard.ExplainRow(row, reasons);
                var treeRow = x.Row(r);
                sink += ensemble.PredictProbability(treeRow) + ensemble.Score(treeRow) + ensemble.ExplainRow(treeRow, reasons);
            }

            if (warm == 1)
            {
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        Assert.True(sink > 0);
    }

    [Fact]
    public void BatchTreeScoring_DoesNotAllocateAnArrayPerCall()
    {
        // 45,000 rows: the old code allocated 360 KB (one double per row) on every call.
        var (x, y) = TreeTests.NoisyData(45_000, seed: 9);
        var (ensemble, _) = GradientBoostingTrainer.Train(x, y, TreeTests.Features(4), new GradientBoostingOptions { Trees = 10, MaxDepth = 4 });
        var pd = new double[x.Rows];
        var small = new FeatureMatrix(x.Values.AsSpan(0, 300 * 4).ToArray(), 300, 4);
        var smallPd = new double[300];
        long parallel = 0, sequential = 0, smallBatch = 0;
        var seen = new List<string>();
        for (var warm = 0; warm < 3; warm++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            ensemble.PredictProbabilities(x, pd);
            parallel = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            ensemble.PredictProbabilities(x, pd, threads: 1);
            sequential = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            ensemble.PredictProbabilities(small, smallPd);
            smallBatch = GC.GetAllocatedBytesForCurrentThread() - before;
            seen.Add($"{parallel}/{sequential}/{smallBatch}");
        }

        // In parallel only the task scheduling allocates (a few hundred bytes, whatever the row count).
        Assert.True(parallel < 8 * 1024, $"{parallel} bytes allocated scoring {x.Rows} rows in parallel ({string.Join(" ", seen)})");
        Assert.True(sequential == 0, string.Join(" ", seen));
        Assert.Equal(0, smallBatch);
        for (var r = 0; r < x.Rows; r += 997)
        {
            Assert.Equal(ensemble.PredictProbability(x.Row(r)), pd[r], 12);
        }
    }
}
