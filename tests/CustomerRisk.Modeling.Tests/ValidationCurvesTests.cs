using System.Text.Json;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Modeling.Tests;

/// <summary>The curves a model page draws: ROC points, calibration, the stored PD distribution and its PSI.</summary>
public sealed class ValidationCurvesTests
{
    [Fact]
    public void RocCurve_OfAHandWorkedSample_StepsThroughEveryThreshold()
    {
        // Bad rows at 0.9 and 0.6, good rows at 0.8, 0.6 and 0.1: the tie at 0.6 moves both rates in one step.
        double[] p = [0.9, 0.8, 0.6, 0.6, 0.1];
        byte[] y = [1, 0, 1, 0, 0];

        var roc = ValidationCurves.RocCurve(p, y);

        Assert.Equal(
            [(0.0, 0.0, 1.0), (0.0, 0.5, 0.9), (1 / 3.0, 0.5, 0.8), (2 / 3.0, 1.0, 0.6), (1.0, 1.0, 0.1)],
            roc.Select(r => (r.FalsePositiveRate, r.TruePositiveRate, r.Threshold)));
        // Trapezoids under these points give the AUC with ties counted half: 0.5·(1/3) + 0.75·(1/3) + 1·(1/3) = 0.75.
        Assert.Equal(0.75, ClassificationMetrics.Auc(p, y), 12);
        Assert.Equal(0.75, Trapezoids(roc), 12);
    }

    [Fact]
    public void RocCurve_IsThinned_ButKeepsItsEnds_AndItsArea()
    {
        var random = new Random(1);
        var p = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).ToArray();
        var y = p.Select(x => (byte)(random.NextDouble() < x ? 1 : 0)).ToArray();

        var roc = ValidationCurves.RocCurve(p, y);

        Assert.InRange(roc.Count, 100, (2 * ValidationCurves.MaxRocPoints) + 2);
        Assert.Equal((0.0, 0.0), (roc[0].FalsePositiveRate, roc[0].TruePositiveRate));
        Assert.Equal((1.0, 1.0), (roc[^1].FalsePositiveRate, roc[^1].TruePositiveRate));
        Assert.Equal(ClassificationMetrics.Auc(p, y), Trapezoids(roc), 3);
    }

    [Fact]
    public void RocCurve_RisesMonotonically_ForAnySample()
    {
        Prop.ForAll(
            Gen.Choose(0, 30).ArrayOf().Where(a => a.Length >= 4).ToArbitrary(),
            values =>
            {
                var labels = values.Select((v, i) => (byte)(i % 2)).ToArray();
                var roc = ValidationCurves.RocCurve(values.Select(v => v / 30.0).ToArray(), labels);
                return roc.Zip(roc.Skip(1)).All(x => x.Second.FalsePositiveRate >= x.First.FalsePositiveRate
                                                     && x.Second.TruePositiveRate >= x.First.TruePositiveRate
                                                     && x.Second.Threshold <= x.First.Threshold)
                       && roc[^1] is { FalsePositiveRate: 1, TruePositiveRate: 1 };
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void StoredDistribution_GivesTheSamePsi_AsTheReferenceRowsThemselves()
    {
        Prop.ForAll(
            Gen.Choose(0, 100).ArrayOf().Where(a => a.Length >= 1).ToArbitrary(),
            Gen.Choose(0, 100).ArrayOf().Where(a => a.Length >= 1).ToArbitrary(),
            (reference, recent) =>
            {
                var r = reference.Select(v => v / 100.0).ToArray();
                var n = recent.Select(v => v / 100.0).ToArray();
                var comparison = ScoreDistribution.Of(r).Compare(n);
                return Math.Abs(comparison.Psi - StabilityIndex.Psi(r, n)) < 1e-12
                       && Math.Abs(comparison.Bands.Sum(b => b.Contribution) - comparison.Psi) < 1e-12
                       && Math.Abs(comparison.Bands.Sum(b => b.ReferenceShare) - 1) < 1e-12
                       && Math.Abs(comparison.Bands.Sum(b => b.RecentShare) - 1) < 1e-12;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compare_OfAHandWorkedShift_GivesEachBandsTerm()
    {
        // Reference 0..9 in two bands cut at 5; recent 8 rows below 5 and 2 above: 50/50 against 80/20.
        var distribution = ScoreDistribution.Of([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], bands: 2);
        var comparison = distribution.Compare([0, 0, 1, 1, 2, 2, 3, 4, 6, 9]);

        Assert.Equal([5.0], distribution.Cuts);
        Assert.Equal([5, 5], distribution.Counts);
        Assert.Equal((null, 5.0, 0.5, 0.8), (comparison.Bands[0].Lower, comparison.Bands[0].Upper, comparison.Bands[0].ReferenceShare, comparison.Bands[0].RecentShare));
        Assert.Equal((5.0, null, 0.5, 0.2), (comparison.Bands[1].Lower, comparison.Bands[1].Upper, comparison.Bands[1].ReferenceShare, comparison.Bands[1].RecentShare));
        Assert.Equal(0.3 * Math.Log(0.8 / 0.5), comparison.Bands[0].Contribution, 12);
        Assert.Equal(-0.3 * Math.Log(0.2 / 0.5), comparison.Bands[1].Contribution, 12);
        Assert.Equal("shifted", comparison.Reading); // 0.141 + 0.275 = 0.416
    }

    [Theory]
    [InlineData(0.0999, "stable")]
    [InlineData(0.1, "watch")]
    [InlineData(0.25, "watch")]
    [InlineData(0.2501, "shifted")]
    public void PsiReading_FollowsTheRuleOfThumb_AtEachEdge(double psi, string reading)
    {
        Assert.Equal(reading, new StabilityComparison([], psi, 1).Reading);
    }

    [Fact]
    public void Compare_RefusesAnEmptyRecentPopulation()
    {
        Assert.Throws<ArgumentException>(() => ScoreDistribution.Of([0.1, 0.2]).Compare([]));
    }

    [Fact]
    public void Training_KeepsTheCurvesOfTheValidationPart_MatchingItsMetrics_AndTheyRoundTripAsJson()
    {
        var random = new Random(9);
        var x = Enumerable.Range(0, 800).Select(_ => random.NextDouble()).ToArray();
        var y = x.Select(v => random.NextDouble() < v * 0.6 ? 1.0 : 0.0).ToArray();
        var table = new ModelingTable([TableColumn.Numeric("x", x), TableColumn.Numeric("bad", y)]);

        var outcome = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "bad" }, DateTimeOffset.UnixEpoch);

        var curves = outcome.Curves!;
        Assert.Equal("validation", curves.Sample);
        Assert.Equal(outcome.Validation!.Rows, curves.Rows);
        Assert.Equal(outcome.Validation.Auc, curves.Auc, 12);
        Assert.Equal(outcome.Validation.Ks, curves.Ks, 12);
        Assert.Equal(outcome.Validation.Brier, curves.Brier, 12);
        Assert.Equal(10, curves.Calibration.Count);
        Assert.Equal(curves.Rows, curves.Calibration.Sum(b => b.Rows));
        Assert.Equal(curves.Rows, curves.Reference.Counts.Sum());
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var back = JsonSerializer.Deserialize<ValidationCurves>(JsonSerializer.Serialize(curves, options), options)!;
        Assert.Equal(curves.Roc, back.Roc);
        Assert.Equal(curves.Calibration, back.Calibration);
        Assert.Equal(curves.Reference.Cuts, back.Reference.Cuts);
        Assert.Equal(curves.Reference.Counts, back.Reference.Counts);
        Assert.Equal(curves.Auc, back.Auc);
    }

    [Fact]
    public void Training_WithNothingHeldOut_KeepsTheCurvesOfTheTrainingPart()
    {
        var x = Enumerable.Range(0, 200).Select(i => i / 200.0).ToArray();
        var y = x.Select((v, i) => i % 3 == 0 || v > 0.8 ? 1.0 : 0.0).ToArray();
        var table = new ModelingTable([TableColumn.Numeric("x", x), TableColumn.Numeric("bad", y)]);

        var outcome = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "bad", ValidationFraction = 0 },
            DateTimeOffset.UnixEpoch);

        Assert.Equal("training", outcome.Curves!.Sample);
        Assert.Equal(200, outcome.Curves.Rows);
        Assert.Equal(outcome.Training.Auc, outcome.Curves.Auc, 12);
    }

    private static double Trapezoids(IReadOnlyList<RocPoint> roc) =>
        roc.Zip(roc.Skip(1)).Sum(x => (x.Second.FalsePositiveRate - x.First.FalsePositiveRate) * (x.First.TruePositiveRate + x.Second.TruePositiveRate) / 2);
}
