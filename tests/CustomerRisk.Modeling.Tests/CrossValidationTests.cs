using CustomerRisk.Modeling.Linear;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling.Tests;

public sealed class CrossValidationTests
{
    [Fact]
    public void CrossValidate_MeasuresEveryFoldOnRowsItWasNotTrainedOn_AndSummarises()
    {
        var table = Table(2000, seed: 3);

        var result = ModelTrainer.CrossValidate(table, new TrainingRequest { Algorithm = ModelAlgorithm.Scorecard, TargetColumn = "y" }, 5);

        Assert.Equal(5, result.Folds.Count);
        Assert.Equal(2000, result.Folds.Sum(f => f.Rows));
        Assert.All(result.Folds, f => Assert.InRange(f.Rows, 399, 401));
        Assert.Equal(result.Folds.Average(f => f.Auc), result.Mean.Auc, 12);
        Assert.Equal(result.Folds.Average(f => f.LogLoss), result.Mean.LogLoss, 12);
        var auc = result.Folds.Select(f => f.Auc).ToArray();
        var sd = Math.Sqrt(auc.Sum(a => (a - auc.Average()) * (a - auc.Average())) / 4);
        Assert.Equal(sd, result.StandardDeviation.Auc, 12);
        Assert.True(result.StandardDeviation.Auc > 0);
        // The signal is strong: every fold's model separates well, but not perfectly.
        Assert.All(result.Folds, f => Assert.InRange(f.Auc, 0.7, 0.99));
    }

    [Fact]
    public void CrossValidate_IsReproducible_WithTheSameSeed_AndDiffersWithAnother()
    {
        var table = Table(1000, seed: 4);
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.GradientBoosting, TargetColumn = "y", Trees = 20, MaxDepth = 3 };

        var first = ModelTrainer.CrossValidate(table, request, 3);
        var again = ModelTrainer.CrossValidate(table, request, 3);
        var other = ModelTrainer.CrossValidate(table, request with { Seed = 7 }, 3);

        Assert.Equal(first.Folds, again.Folds);
        Assert.NotEqual(first.Folds, other.Folds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    public void CrossValidate_RefusesAFoldCountOutOfRange(int folds)
    {
        var e = Assert.Throws<ModelingDataException>(() =>
            ModelTrainer.CrossValidate(Table(200, 1), new TrainingRequest { Algorithm = ModelAlgorithm.Scorecard, TargetColumn = "y" }, folds));
        Assert.Contains("2 to 20 folds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidate_RefusesMoreFoldsThanBadRows()
    {
        var y = new double[100];
        y[3] = y[50] = 1;
        var x = Enumerable.Range(0, 100).Select(i => (double)(i % 7)).ToArray();
        var table = new ModelingTable([TableColumn.Numeric("x", x), TableColumn.Numeric("y", y)]);

        var e = Assert.Throws<ModelingDataException>(() =>
            ModelTrainer.CrossValidate(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "y" }, 3));
        Assert.Contains("2 bad", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoredColumns_AreNotInputs_AndAnUnknownOneIsRefused()
    {
        var table = Table(1000, seed: 5);
        var withId = new ModelingTable(table.Columns.Append(TableColumn.Numeric("row_id", Enumerable.Range(0, 1000).Select(i => (double)i).ToArray())));
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.GradientBoosting, TargetColumn = "y", Trees = 10, IgnoredColumns = ["row_id"] };

        var outcome = ModelTrainer.Train(withId, request, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain(outcome.Model.Features, f => f.Name == "row_id");
        Assert.Equal("row_id", outcome.Provenance.Options["ignored_columns"]);
        var e = Assert.Throws<ModelingDataException>(() => ModelTrainer.Train(withId, request with { IgnoredColumns = ["nope"] }, DateTimeOffset.UnixEpoch));
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ModelingDataException>(() => ModelTrainer.Train(withId, request with { IgnoredColumns = ["y"] }, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Scorecard_DropsAnInputThatDuplicatesAnother_InsteadOfFailingOnCollinearity()
    {
        var table = Table(2000, seed: 6);
        var a = table.Column("a").Numbers;
        var twin = new ModelingTable(table.Columns.Append(TableColumn.Numeric("a_twin", a.ToArray())));

        var training = ScorecardTrainer.Train(TrainingSet.From(twin, "y"));

        Assert.Equal("duplicate", training.Dropped.Single(d => d.Key is "a" or "a_twin").Value);
        Assert.Single(training.Scorecard.Features, f => f.Name is "a" or "a_twin");
    }

    [Fact]
    public void AnInputWithOneRareValue_IsLeftOutOfTheFoldsThatDoNotSeeIt_InsteadOfFailing()
    {
        var table = Table(1000, seed: 8);
        var rare = new double[1000];
        rare[17] = 5;
        var withRare = new ModelingTable(table.Columns.Append(TableColumn.Numeric("rare", rare)));
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "y" };

        var result = ModelTrainer.CrossValidate(withRare, request, 5);
        var outcome = ModelTrainer.Train(withRare, request, DateTimeOffset.UnixEpoch);

        Assert.Equal(5, result.Folds.Count);
        Assert.NotNull(outcome.Validation);
    }

    internal static ModelingTable Table(int n, int seed)
    {
        var random = new Random(seed);
        var a = new double[n];
        var b = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = random.Next(0, 100);
            b[i] = random.Next(0, 50);
            var logit = -3 + (0.05 * a[i]) - (0.03 * b[i]);
            y[i] = random.NextDouble() < LogisticRegression.Sigmoid(logit) ? 1 : 0;
        }

        return new ModelingTable([TableColumn.Numeric("a", a), TableColumn.Numeric("b", b), TableColumn.Numeric("y", y)]);
    }
}
