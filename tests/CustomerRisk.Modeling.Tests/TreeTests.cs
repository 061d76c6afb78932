using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Trees;
using CustomerRisk.Modeling.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Modeling.Tests;

public sealed class TreeTests
{
    [Fact]
    public void LogLossGradientAndHessian_AgreeWithFiniteDifferences()
    {
        Prop.ForAll(
            Gen.Choose(-8000, 8000).Select(i => i / 1000.0).ToArbitrary(),
            Gen.Elements((byte)0, (byte)1).ToArbitrary(),
            (margin, label) =>
            {
                const double h = 1e-5;
                var numericGradient = (LogisticLoss.Loss(label, margin + h) - LogisticLoss.Loss(label, margin - h)) / (2 * h);
                var numericHessian = (LogisticLoss.Gradient(label, margin + h) - LogisticLoss.Gradient(label, margin - h)) / (2 * h);
                return Math.Abs(numericGradient - LogisticLoss.Gradient(label, margin)) < 1e-7
                    && Math.Abs(numericHessian - LogisticLoss.Hessian(label, margin)) < 1e-7;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LogLoss_StaysFinite_ForExtremeMargins()
    {
        Assert.Equal(800, LogisticLoss.Loss(1, -800), 9);
        Assert.Equal(0, LogisticLoss.Loss(0, -800), 9);
        Assert.Equal(-1, LogisticLoss.Gradient(1, -800), 9);
    }

    [Fact]
    public void DecisionTree_RecoversAKnownStepFunction()
    {
        // Bad rate 0.1 below 30, 0.6 from 30 to 70, 0.2 from 70 on; x = 0, 1, …, 99, ten rows each.
        var (matrix, labels) = StepData();

        var tree = RandomForestTrainer.TrainDecisionTree(matrix, labels, [FeatureSpec.Numeric("x")], maxDepth: 2, minLeafRows: 10);

        var thresholds = tree.Trees[0].Threshold.Where(double.IsFinite).Order().ToArray();
        Assert.Equal(2, thresholds.Length);
        Assert.Equal(29.5, thresholds[0]);
        Assert.Equal(69.5, thresholds[^1]);
        Assert.Equal(0.1, tree.PredictProbability([12.3]), 9);
        Assert.Equal(0.6, tree.PredictProbability([50]), 9);
        Assert.Equal(0.2, tree.PredictProbability([85]), 9);
    }

    [Fact]
    public void BoostedTrees_LearnTheStepFunction()
    {
        var (matrix, labels) = StepData();

        var (model, history) = GradientBoostingTrainer.Train(
            matrix, labels, [FeatureSpec.Numeric("x")], new GradientBoostingOptions { Trees = 200, MaxDepth = 2, LearningRate = 0.3, Lambda = 0 });

        Assert.Equal(200, history.BestIteration);
        Assert.Equal(0.1, model.PredictProbability([12.3]), 3);
        Assert.Equal(0.6, model.PredictProbability([50]), 3);
        Assert.Equal(0.2, model.PredictProbability([85]), 3);
    }

    [Fact]
    public void MissingValues_GoToTheSideWithTheirRisk()
    {
        // Low x is safe, high x risky; missing x is as risky as high x, so missing must follow the right branch.
        var n = 2000;
        var values = new double[n];
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var group = i % 3;
            values[i] = group switch { 0 => i % 50, 1 => 100 + (i % 50), _ => double.NaN };
            labels[i] = (byte)(group == 0 ? (i % 10 == 0 ? 1 : 0) : (i % 10 < 7 ? 1 : 0));
        }

        var tree = RandomForestTrainer.TrainDecisionTree(new FeatureMatrix(values, n, 1), labels, [FeatureSpec.Numeric("x")], maxDepth: 1, minLeafRows: 10);

        Assert.False(tree.Trees[0].DefaultLeft[0]);
        Assert.True(tree.PredictProbability([double.NaN]) > 0.6);
        Assert.True(tree.PredictProbability([10]) < 0.15);
    }

    [Fact]
    public void EarlyStopping_KeepsTheRoundWithTheBestValidationLoss()
    {
        var (x, y) = NoisyData(3000, seed: 1);
        var (vx, vy) = NoisyData(1500, seed: 2);

        var (model, history) = GradientBoostingTrainer.Train(
            x, y, Features(4), new GradientBoostingOptions { Trees = 500, MaxDepth = 6, LearningRate = 0.3, EarlyStoppingRounds = 20 }, vx, vy);

        Assert.True(history.TreesGrown < 500);
        Assert.Equal(history.BestIteration, model.Trees.Count);
        var best = history.ValidationLogLoss.Min();
        Assert.Equal(best, history.ValidationLogLoss[history.BestIteration - 1]);
        Assert.Equal(history.BestIteration + 20, history.TreesGrown);
    }

    [Fact]
    public void BatchScores_EqualSingleRowScores_AndTheSumOfTheTrees()
    {
        var (x, y) = NoisyData(2000, seed: 3);
        var (model, _) = GradientBoostingTrainer.Train(
            x, y, Features(4), new GradientBoostingOptions { Trees = 40, MaxDepth = 4, Subsample = 0.7, ColumnSample = 0.75 });

        var batch = new double[x.Rows];
        model.PredictProbabilities(x, batch);
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            var margin = model.BaseScore;
            foreach (var tree in model.Trees)
            {
                margin += tree.Predict(row);
            }

            Assert.Equal(Linear.LogisticRegression.Sigmoid(margin), batch[r], 12);
            Assert.Equal(batch[r], model.PredictProbability(row), 12);
        }
    }

    [Fact]
    public void DeepForest_ScoresTheSameThroughEitherTreeLayout()
    {
        var (x, y) = NoisyData(3000, seed: 4);

        var forest = RandomForestTrainer.Train(x, y, Features(4), new RandomForestOptions { Trees = 20, MaxDepth = 14, MinLeafRows = 1 });

        Assert.Contains(forest.Trees, t => Depth(t, 0) > 10);
        var batch = new double[x.Rows];
        forest.PredictProbabilities(x, batch);
        for (var r = 0; r < x.Rows; r += 7)
        {
            var rowIndex = r;
            var expected = forest.Trees.Average(t => t.Predict(x.Row(rowIndex)));
            Assert.Equal(expected, batch[r], 12);
        }
    }

    [Fact]
    public void RandomForest_SeparatesNoisyClasses()
    {
        var (x, y) = NoisyData(4000, seed: 5);
        var (tx, ty) = NoisyData(2000, seed: 6);

        var forest = RandomForestTrainer.Train(x, y, Features(4), new RandomForestOptions { Trees = 50 });

        var pd = new double[tx.Rows];
        forest.PredictProbabilities(tx, pd);
        Assert.True(ClassificationMetrics.Auc(pd, ty) > 0.8);
    }

    [Fact]
    public void BoostedReasons_NameTheInputThatDrivesRisk()
    {
        var (x, y) = NoisyData(3000, seed: 7);
        var (model, _) = GradientBoostingTrainer.Train(x, y, Features(4), new GradientBoostingOptions { Trees = 60, MaxDepth = 3, LearningRate = 0.2 });

        // Input 0 drives risk upward; a row with a high value there must cite it first.
        Span<ReasonCode> reasons = stackalloc ReasonCode[4];
        var count = model.ExplainRow([3.0, 0, 0, 0], reasons);

        Assert.True(count >= 1);
        Assert.Equal(0, reasons[0].Feature);
        Assert.True(reasons[0].PointsLost > 0);
    }

    [DataSetFact(GiveMeSomeCredit.File)]
    public void GiveMeSomeCreditBoostedTrees_ReachTestAuc0864()
    {
        var train = GiveMeSomeCredit.Train;
        var schema = TreeInputs.Schema(train.Inputs, train.Target.Labels);
        var x = FeatureMatrix.FromTable(train.Inputs, schema);

        var (model, _) = GradientBoostingTrainer.Train(
            x, train.Target.Labels, schema, new GradientBoostingOptions { Trees = 300, MaxDepth = 5, LearningRate = 0.05 });

        var test = FeatureMatrix.FromTable(GiveMeSomeCredit.Test, schema);
        var pd = new double[test.Rows];
        model.PredictProbabilities(test, pd);
        var auc = ClassificationMetrics.Auc(pd, GiveMeSomeCredit.TestLabels);
        Assert.True(auc >= 0.864, $"test AUC {auc:F4}");
    }

    internal static (FeatureMatrix X, byte[] Y) NoisyData(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n * 4];
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < 4; f++)
            {
                values[(i * 4) + f] = random.NextDouble() * 4 - 2;
            }

            if (i % 13 == 0)
            {
                values[(i * 4) + 2] = double.NaN;
            }

            var logit = (1.5 * values[i * 4]) - (values[(i * 4) + 1] * values[(i * 4) + 1]) + (double.IsNaN(values[(i * 4) + 2]) ? 1 : 0);
            labels[i] = random.NextDouble() < Linear.LogisticRegression.Sigmoid(logit) ? (byte)1 : (byte)0;
        }

        return (new FeatureMatrix(values, n, 4), labels);
    }

    internal static IReadOnlyList<FeatureSpec> Features(int count) =>
        Enumerable.Range(0, count).Select(i => FeatureSpec.Numeric($"x{i}")).ToList();

    private static (FeatureMatrix, byte[]) StepData()
    {
        const int n = 1000;
        var values = new double[n];
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = i / 10;
            var badPerTen = values[i] < 30 ? 1 : values[i] < 70 ? 6 : 2;
            labels[i] = (byte)(i % 10 < badPerTen ? 1 : 0);
        }

        return (new FeatureMatrix(values, n, 1), labels);
    }

    private static int Depth(RegressionTree tree, int node)
    {
        var left = tree.Left[node] < 0 ? 1 : 1 + Depth(tree, tree.Left[node]);
        var right = tree.Right[node] < 0 ? 1 : 1 + Depth(tree, tree.Right[node]);
        return Math.Max(left, right);
    }
}
