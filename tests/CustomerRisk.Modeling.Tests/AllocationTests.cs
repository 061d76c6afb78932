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
}
