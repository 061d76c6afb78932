using CustomerRisk.Modeling.Linear;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling.Tests;

public sealed class LinearTests
{
    [DataSetFact(GermanCredit.File)]
    public void LogisticFit_ReproducesRGlm_OnAgeAmountAndResidence()
    {
        // R: glm(creditability ~ age.in.years + credit.amount + present.residence.since, binomial) models P(good).
        var table = GermanCredit.Table;
        var good = BinaryTarget.FromColumn(table.Column(GermanCredit.Target), "good").Labels;
        string[] names = ["age_in_years", "credit_amount", "present_residence_since"];

        var fit = LogisticRegression.Fit(names.Select(n => table.Column(n).Numbers.ToArray()).ToList(), good);

        Assert.True(fit.Converged);
        Assert.Equal(0.6360894980, fit.Intercept, 1e-7);
        Assert.Equal(0.0215127873, fit.Coefficients[0], 1e-9);
        Assert.Equal(-0.0001159332, fit.Coefficients[1], 1e-10);
        Assert.Equal(-0.0514901312, fit.Coefficients[2], 1e-8);
        Assert.Equal(0.2774, fit.StandardErrors[0], 5e-5);
        Assert.Equal(0.0068, fit.StandardErrors[1], 5e-5);
        Assert.Equal(0.0658, fit.StandardErrors[3], 5e-5);
    }

    [Fact]
    public void LogisticFit_RecoversKnownWeights_OnLargeSimulatedSample()
    {
        var random = new Random(11);
        const int n = 40000;
        var x1 = new double[n];
        var x2 = new double[n];
        var y = new byte[n];
        for (var i = 0; i < n; i++)
        {
            x1[i] = random.NextDouble() * 4 - 2;
            x2[i] = random.NextDouble() * 100;
            var p = LogisticRegression.Sigmoid(-1 + 1.5 * x1[i] - 0.02 * x2[i]);
            y[i] = random.NextDouble() < p ? (byte)1 : (byte)0;
        }

        var fit = LogisticRegression.Fit([x1, x2], y);

        Assert.Equal(-1, fit.Intercept, 0.1);
        Assert.Equal(1.5, fit.Coefficients[0], 0.06);
        Assert.Equal(-0.02, fit.Coefficients[1], 0.002);
    }

    [Fact]
    public void L2Penalty_ShrinksCoefficientsTowardZero()
    {
        var x = new double[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var y = new byte[] { 0, 0, 1, 0, 1, 0, 1, 1 };

        var plain = LogisticRegression.Fit([x], y);
        var shrunk = LogisticRegression.Fit([x], y, l2: 5);

        Assert.True(Math.Abs(shrunk.Coefficients[0]) < Math.Abs(plain.Coefficients[0]));
        Assert.True(shrunk.Coefficients[0] > 0);
    }

    [Fact]
    public void CollinearInputs_AreRefusedWithAClearMessage()
    {
        var x = new double[] { 1, 2, 3, 4, 5, 6 };
        var twice = x.Select(v => 2 * v).ToArray();
        var y = new byte[] { 0, 1, 0, 1, 1, 0 };

        var error = Assert.Throws<ModelingDataException>(() => LogisticRegression.Fit([x, twice], y));

        Assert.Contains("collinear", error.Message);
    }

    [Fact]
    public void ScoreScale_Gives600AtOdds50_And620AtOdds100()
    {
        var scale = ScoreScale.Default;

        Assert.Equal(600, scale.ScoreFromProbability(1.0 / 51), 9);
        Assert.Equal(620, scale.ScoreFromProbability(1.0 / 101), 9);
        Assert.Equal(300, scale.ScoreFromProbability(0.9999));
        Assert.Equal(900, scale.ScoreFromProbability(1e-9));
        Assert.Equal(1.0 / 51, scale.ProbabilityFromScore(600), 12);
    }

    [DataSetFact(GermanCredit.File)]
    public void GermanScorecard_ReachesTestAuc077_OnStratified7030Split()
    {
        var all = TrainingSet.From(GermanCredit.Table, GermanCredit.Target, "bad");
        var (trainRows, testRows) = StratifiedSplit.TrainTest(all.Target.Labels, 0.3, 42);
        var train = TrainingSet.From(GermanCredit.Table.SelectRows(trainRows), GermanCredit.Target, "bad");

        var training = ScorecardTrainer.Train(train);

        var test = FeatureMatrix.FromTable(GermanCredit.Table.SelectRows(testRows), training.Scorecard.Features);
        var pd = new double[test.Rows];
        training.Scorecard.PredictProbabilities(test, pd);
        var labels = testRows.Select(r => all.Target.Labels[r]).ToArray();
        var auc = ClassificationMetrics.Auc(pd, labels);
        Assert.True(auc >= 0.77, $"test AUC {auc:F4}");
    }

    [DataSetFact(GiveMeSomeCredit.File)]
    public void GiveMeSomeCreditScorecard_ReachesTestAuc0855()
    {
        var training = ScorecardTrainer.Train(GiveMeSomeCredit.Train);

        var test = FeatureMatrix.FromTable(GiveMeSomeCredit.Test, training.Scorecard.Features);
        var pd = new double[test.Rows];
        training.Scorecard.PredictProbabilities(test, pd);
        var auc = ClassificationMetrics.Auc(pd, GiveMeSomeCredit.TestLabels);
        Assert.True(auc >= 0.855, $"test AUC {auc:F4}");
    }

    [Fact]
    public void ScorecardPoints_AddUpToTheScore_AndReasonsNameTheCostliestBins()
    {
        var (scorecard, rows) = SmallScorecard();

        Span<ReasonCode> reasons = stackalloc ReasonCode[4];
        for (var r = 0; r < rows.Rows; r++)
        {
            var row = rows.Row(r);
            var points = scorecard.BasePoints;
            for (var j = 0; j < scorecard.Binnings.Count; j++)
            {
                var bin = scorecard.Binnings[j].BinIndexOf(row[j]);
                points += scorecard.PointsOf(j, bin);
            }

            Assert.Equal(Math.Clamp(points, 300, 900), scorecard.Score(row), 9);
            var count = scorecard.ExplainRow(row, reasons);
            for (var i = 1; i < count; i++)
            {
                Assert.True(reasons[i - 1].PointsLost >= reasons[i].PointsLost);
            }
        }
    }

    [Fact]
    public void ReasonCodes_ListNothing_ForARowInEveryBestBin()
    {
        var (scorecard, _) = SmallScorecard();
        var best = new double[scorecard.Binnings.Count];
        for (var j = 0; j < best.Length; j++)
        {
            var bins = scorecard.Binnings[j].Bins;
            var top = Enumerable.Range(0, bins.Count).MaxBy(b => scorecard.PointsOf(j, b));
            best[j] = bins[top].Kind == Binning.BinKind.Missing ? double.NaN : bins[top].Lower is var lo && double.IsNegativeInfinity(lo) ? bins[top].Upper - 1 : bins[top].Lower;
        }

        Span<ReasonCode> reasons = stackalloc ReasonCode[4];
        Assert.Equal(0, scorecard.ExplainRow(best, reasons));
    }

    internal static (Scorecard Scorecard, FeatureMatrix Rows) SmallScorecard()
    {
        var random = new Random(5);
        const int n = 3000;
        var a = new double[n];
        var b = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = random.Next(0, 100);
            b[i] = i % 17 == 0 ? double.NaN : random.Next(0, 50);
            var logit = -2 + (0.03 * a[i]) - (double.IsNaN(b[i]) ? -1 : 0.04 * b[i]);
            y[i] = random.NextDouble() < LogisticRegression.Sigmoid(logit) ? 1 : 0;
        }

        var table = new ModelingTable([TableColumn.Numeric("a", a), TableColumn.Numeric("b", b), TableColumn.Numeric("y", y)]);
        var training = ScorecardTrainer.Train(TrainingSet.From(table, "y"));
        return (training.Scorecard, FeatureMatrix.FromTable(table, training.Scorecard.Features));
    }
}
