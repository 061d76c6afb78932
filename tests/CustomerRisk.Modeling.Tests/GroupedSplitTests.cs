using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Modeling.Tests;

/// <summary>Splits and folds that keep each group (a customer's snapshots) on one side.</summary>
public sealed class GroupedSplitTests
{
    [Fact]
    public void NumberGroups_NumbersKeysInOrderOfFirstRow()
    {
        var (groups, count) = StratifiedSplit.NumberGroups(["c7", "c2", "c7", "c9", "c2"]);

        Assert.Equal([0, 1, 0, 2, 1], groups);
        Assert.Equal(3, count);
    }

    [Fact]
    public void GroupLabels_AGroupIsBadWhenAnyOfItsRowsIsBad()
    {
        // Group 0: good, good; group 1: good, bad; group 2: bad.
        var labels = StratifiedSplit.GroupLabels([0, 0, 0, 1, 1], [0, 0, 1, 1, 2]);

        Assert.Equal([0, 1, 1], labels);
    }

    [Fact]
    public void GroupFolds_PutsEveryRowOfAGroupInItsGroupsFold_AndDealsBadGroupsEvenly()
    {
        // Six groups of two rows; groups 0 and 3 are bad. Two folds: one bad group in each, three groups in each.
        byte[] labels = [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0];
        int[] groups = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5];

        var fold = StratifiedSplit.GroupFolds(labels, groups, 2, seed: 11);

        for (var r = 0; r < labels.Length; r += 2)
        {
            Assert.Equal(fold[r], fold[r + 1]);
        }

        Assert.NotEqual(fold[0], fold[6]);
        Assert.Equal(6, fold.Count(f => f == 0));
        Assert.Equal(6, fold.Count(f => f == 1));
    }

    [Fact]
    public void GroupTrainTest_HoldsOutWholeGroups()
    {
        // Ten groups of three rows, groups 0-2 bad: a 0.3 split holds out one bad and two good groups (9 rows).
        var groups = Enumerable.Range(0, 30).Select(r => r / 3).ToArray();
        var labels = groups.Select(g => (byte)(g < 3 ? 1 : 0)).ToArray();

        var (train, test) = StratifiedSplit.GroupTrainTest(labels, groups, 0.3, seed: 5);

        Assert.Equal(9, test.Length);
        Assert.Equal(21, train.Length);
        Assert.Empty(train.Select(r => groups[r]).Intersect(test.Select(r => groups[r])));
        Assert.Equal(1, test.Select(r => groups[r]).Distinct().Count(g => g < 3));
    }

    [Fact]
    public void Property_NoGroupSpansTwoFolds_AndFoldsHoldGroupsWithinOneOfEachOther()
    {
        Prop.ForAll(
            Gen.Choose(1, 6).ListOf().Where(sizes => sizes.Count >= 4).ToArbitrary(),
            Gen.Choose(2, 4).ToArbitrary(),
            (sizes, folds) =>
            {
                var groups = sizes.SelectMany((size, g) => Enumerable.Repeat(g, size)).ToArray();
                var labels = groups.Select((g, r) => (byte)((g * 7 + r) % 5 == 0 ? 1 : 0)).ToArray();
                var fold = StratifiedSplit.GroupFolds(labels, groups, folds, seed: 3);
                var foldOfGroup = groups.Zip(fold).GroupBy(p => p.First).Select(p => p.Select(x => x.Second).Distinct().Count()).ToArray();
                var groupsPerFold = Enumerable.Range(0, folds).Select(k => groups.Where((g, r) => fold[r] == k).Distinct().Count()).ToArray();
                return foldOfGroup.All(n => n == 1) && groupsPerFold.Max() - groupsPerFold.Min() <= 1;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GroupedCrossValidation_DoesNotRewardAModelForRecognisingACustomerItHasSeen()
    {
        // 300 customers, five snapshots each. The outcome is the customer's, drawn at random; the one input is a value
        // fixed per customer that says nothing about the outcome. A model can only "predict" by recognising the
        // customer: row by row that works (the other snapshots are in training), by customer it cannot.
        var table = Snapshots(customers: 300, perCustomer: 5, seed: 9);
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.GradientBoosting, TargetColumn = "y", Trees = 60, MaxDepth = 6, IgnoredColumns = ["customer_id"] };

        var byRow = ModelTrainer.CrossValidate(table, request, 5);
        var byCustomer = ModelTrainer.CrossValidate(table, request with { GroupColumn = "customer_id" }, 5);

        Assert.True(byRow.Mean.Auc > 0.8, $"row-wise AUC {byRow.Mean.Auc}");
        Assert.InRange(byCustomer.Mean.Auc, 0.35, 0.65);
        Assert.Equal(1500, byCustomer.Mean.Rows);
    }

    [Fact]
    public void Train_WithAGroupColumn_HoldsOutWholeCustomers_AndNeverUsesTheColumnAsAnInput()
    {
        var table = Snapshots(customers: 300, perCustomer: 5, seed: 10);
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.GradientBoosting, TargetColumn = "y", Trees = 60, MaxDepth = 6, EarlyStoppingRounds = 0, GroupColumn = "customer_id" };

        var outcome = ModelTrainer.Train(table, request, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain(outcome.Model.Features, f => f.Name == "customer_id");
        Assert.Equal("customer_id", outcome.Provenance.Options["group_column"]);
        // Whole customers held out: the held-out rows are a multiple of five, and the model cannot recognise them.
        Assert.Equal(0, outcome.Validation!.Rows % 5);
        Assert.InRange(outcome.Validation.Auc, 0.3, 0.7);
        Assert.True(outcome.Training.Auc > 0.8);
    }

    [Fact]
    public void AGroupColumnThatIsMissingIsTheOutcomeOrHasAnEmptyValue_IsRefused()
    {
        var table = Snapshots(customers: 40, perCustomer: 2, seed: 1);
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "y" };

        var missing = Assert.Throws<ModelingDataException>(() => ModelTrainer.Train(table, request with { GroupColumn = "nope" }, DateTimeOffset.UnixEpoch));
        Assert.Contains("no group column 'nope'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ModelingDataException>(() => ModelTrainer.CrossValidate(table, request with { GroupColumn = "y" }, 3));
        var ids = Enumerable.Range(0, 80).Select(i => i == 7 ? double.NaN : i / 2).ToArray();
        var withGap = new ModelingTable(table.Columns.Where(c => c.Name != "customer_id").Append(TableColumn.Numeric("customer_id", ids)));
        var gap = Assert.Throws<ModelingDataException>(() => ModelTrainer.Train(withGap, request with { GroupColumn = "customer_id" }, DateTimeOffset.UnixEpoch));
        Assert.Contains("Row 8", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupedCrossValidation_CountsBadGroupsNotBadRows()
    {
        // Two bad customers with three bad snapshots each: six bad rows, but only two bad groups for three folds.
        var ids = Enumerable.Range(0, 60).Select(i => (double)(i / 3)).ToArray();
        var y = ids.Select(c => c < 2 ? 1.0 : 0.0).ToArray();
        var x = Enumerable.Range(0, 60).Select(i => (double)(i % 7)).ToArray();
        var table = new ModelingTable([TableColumn.Numeric("customer_id", ids), TableColumn.Numeric("x", x), TableColumn.Numeric("y", y)]);
        var request = new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "y" };

        Assert.Equal(3, ModelTrainer.CrossValidate(table, request, 3).Folds.Count);
        var e = Assert.Throws<ModelingDataException>(() => ModelTrainer.CrossValidate(table, request with { GroupColumn = "customer_id" }, 3));
        Assert.Contains("2 bad and 18 good groups of 'customer_id'", e.Message, StringComparison.Ordinal);
    }

    private static ModelingTable Snapshots(int customers, int perCustomer, int seed)
    {
        var random = new Random(seed);
        var n = customers * perCustomer;
        var id = new double[n];
        var x = new double[n];
        var y = new double[n];
        for (var c = 0; c < customers; c++)
        {
            var value = random.NextDouble();
            var bad = random.NextDouble() < 0.3 ? 1.0 : 0.0;
            for (var s = 0; s < perCustomer; s++)
            {
                var r = (c * perCustomer) + s;
                id[r] = 1000 + c;
                x[r] = value;
                y[r] = bad;
            }
        }

        return new ModelingTable([TableColumn.Numeric("customer_id", id), TableColumn.Numeric("x", x), TableColumn.Numeric("y", y)]);
    }
}
