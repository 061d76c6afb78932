using CustomerRisk.Modeling.Binning;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Modeling.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void Auc_CountsTiesAsHalf_OnAHandWorkedCase()
    {
        // Bads score 0.8, 0.4, 0.4; goods 0.4, 0.2, 0.1, 0.4.
        // Pairs (bad, good): 0.8 beats all 4 → 4; each 0.4 bad beats 0.2 and 0.1 (2) and ties two 0.4 goods (2 × ½) → 3 each.
        // AUC = (4 + 3 + 3) / (3 × 4) = 10/12.
        double[] scores = [0.8, 0.4, 0.4, 0.4, 0.2, 0.1, 0.4];
        byte[] labels = [1, 1, 1, 0, 0, 0, 0];

        Assert.Equal(10.0 / 12, ClassificationMetrics.Auc(scores, labels), 12);
        Assert.Equal((2 * 10.0 / 12) - 1, ClassificationMetrics.Evaluate(scores, labels).Gini, 12);
    }

    [Fact]
    public void Ks_IsTheLargestGapBetweenCumulativeShares_OnAHandWorkedCase()
    {
        // Ascending scores: 0.1 g, 0.2 g, 0.3 b, 0.4 g, 0.9 b. After 0.2: goods 2/3, bads 0 → gap 2/3.
        double[] scores = [0.3, 0.1, 0.9, 0.2, 0.4];
        byte[] labels = [1, 0, 1, 0, 0];

        Assert.Equal(2.0 / 3, ClassificationMetrics.Ks(scores, labels), 12);
    }

    [Fact]
    public void BrierAndLogLoss_MatchHandComputedValues()
    {
        double[] p = [0.9, 0.2];
        byte[] y = [1, 0];

        Assert.Equal(((0.1 * 0.1) + (0.2 * 0.2)) / 2, ClassificationMetrics.Brier(p, y), 12);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8)) / 2, ClassificationMetrics.LogLoss(p, y), 12);
    }

    [Fact]
    public void Auc_IsOneMinusAucOfNegatedScores_AndUnchangedByMonotoneTransform()
    {
        Prop.ForAll(
            Gen.Choose(0, 20).ArrayOf().Where(a => a.Length >= 4).ToArbitrary(),
            values =>
            {
                var labels = values.Select((v, i) => (byte)(i % 2)).ToArray();
                var scores = values.Select(v => (double)v).ToArray();
                var auc = ClassificationMetrics.Auc(scores, labels);
                var negated = ClassificationMetrics.Auc(scores.Select(s => -s).ToArray(), labels);
                var squashed = ClassificationMetrics.Auc(scores.Select(s => Math.Exp(s / 5)).ToArray(), labels);
                return Math.Abs(auc + negated - 1) < 1e-12 && Math.Abs(auc - squashed) < 1e-12;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void StratifiedFolds_KeepTheClassRatio_InEveryFold()
    {
        Prop.ForAll(
            Gen.Choose(50, 400).ToArbitrary(),
            Gen.Choose(2, 10).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (n, k, seed) =>
            {
                var labels = Enumerable.Range(0, n).Select(i => (byte)(i % 7 == 0 ? 1 : 0)).ToArray();
                var folds = StratifiedSplit.Folds(labels, k, (ulong)seed);
                var bads = labels.Count(l => l == 1);
                return Enumerable.Range(0, k).All(f =>
                {
                    var foldBads = folds.Where((x, i) => x == f && labels[i] == 1).Count();
                    var foldGoods = folds.Where((x, i) => x == f && labels[i] == 0).Count();
                    return Math.Abs(foldBads - ((double)bads / k)) <= 1 && Math.Abs(foldGoods - ((double)(n - bads) / k)) <= 1;
                });
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TrainTestSplit_KeepsTheClassRatio_AndCoversEveryRowOnce()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => (byte)(i % 10 < 3 ? 1 : 0)).ToArray();

        var (train, test) = StratifiedSplit.TrainTest(labels, 0.3, 42);

        Assert.Equal(90, test.Count(r => labels[r] == 1));
        Assert.Equal(210, test.Count(r => labels[r] == 0));
        Assert.Equal(Enumerable.Range(0, 1000), train.Concat(test).Order());
        Assert.Equal(test, StratifiedSplit.TrainTest(labels, 0.3, 42).Test);
        Assert.NotEqual(test, StratifiedSplit.TrainTest(labels, 0.3, 43).Test);
    }

    [Fact]
    public void RowKey_IsSplitMix64_SoOtherLanguagesCanRebuildTheSplit()
    {
        // SplitMix64 from state 0: the first output is 0xE220A8397B1DCDAF (reference implementation by Vigna).
        Assert.Equal(0xE220A8397B1DCDAFUL, StratifiedSplit.RowKey(0, 0));
    }

    [Fact]
    public void CalibrationTable_CutsDecilesOfEqualSize_WithObservedRates()
    {
        var p = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var y = p.Select(v => (byte)(v >= 0.9 ? 1 : 0)).ToArray();

        var table = Calibration.Table(p, y);

        Assert.Equal(10, table.Count);
        Assert.All(table, band => Assert.Equal(10, band.Rows));
        Assert.Equal(1, table[^1].ObservedBadRate);
        Assert.Equal(0, table[0].ObservedBadRate);
        Assert.Equal(0.045, table[0].MeanPredicted, 12);
    }

    [Fact]
    public void Psi_IsZeroForTheSamePopulation_AndMatchesTheFormulaForAKnownShift()
    {
        var reference = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();

        Assert.Equal(0, StabilityIndex.Psi(reference, reference), 12);
        // Two bands 50/50 against 80/20: (0.8−0.5)ln(0.8/0.5) + (0.2−0.5)ln(0.2/0.5).
        var expected = (0.3 * Math.Log(0.8 / 0.5)) + (-0.3 * Math.Log(0.2 / 0.5));
        Assert.Equal(expected, StabilityIndex.FromCounts([50, 50], [80, 20]), 12);
    }

    [Fact]
    public void Csi_MeasuresDriftOverAVariablesBins()
    {
        var x = Enumerable.Range(0, 400).Select(i => (double)(i % 4)).ToArray();
        var labels = Enumerable.Range(0, 400).Select(i => (byte)(i % 4 == 3 ? 1 : i % 8 == 0 ? 1 : 0)).ToArray();
        var binning = WoeBinner.BinEachValue(TableColumn.Numeric("x", x), labels);
        var shifted = TableColumn.Numeric("x", Enumerable.Range(0, 400).Select(i => i < 300 ? 0.0 : 3.0).ToArray());

        Assert.Equal(0, StabilityIndex.Csi(binning, TableColumn.Numeric("x", x)), 12);
        Assert.True(StabilityIndex.Csi(binning, shifted) > 0.25);
    }
}
