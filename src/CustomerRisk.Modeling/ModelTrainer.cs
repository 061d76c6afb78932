using System.Globalization;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Linear;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Trees;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling;

/// <summary>
/// One entry point for training any model family on a table: checks the data, holds out a stratified validation
/// part, trains, measures, and fills in the provenance a model file keeps. The model is fitted on the training part
/// only, so the validation metrics are honest (gradient boosting also uses that part to choose when to stop, which
/// makes its validation figure slightly optimistic).
/// </summary>
public static class ModelTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="table">The data, outcome column included.</param>
    /// <param name="request">What to train.</param>
    /// <param name="trainedAt">The time to record as training time (the library never reads the clock).</param>
    /// <exception cref="ModelingDataException">The data cannot be used (see <see cref="TrainingSet.From"/>).</exception>
    public static TrainingOutcome Train(ModelingTable table, TrainingRequest request, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.ValidationFraction >= 0 && request.ValidationFraction <= 0.9))
        {
            throw new ModelingDataException($"The validation fraction {request.ValidationFraction} must be between 0 and 0.9.");
        }

        var sha = TableFingerprint.Sha256(table);
        var groups = GroupsOf(table, request);
        table = InputsOf(table, request);
        var all = TrainingSet.From(table, request.TargetColumn, request.Positive);
        TrainingSet train;
        ModelingTable? holdout = null;
        byte[]? holdoutLabels = null;
        if (request.ValidationFraction > 0)
        {
            var (trainRows, testRows) = groups is null
                ? StratifiedSplit.TrainTest(all.Target.Labels, request.ValidationFraction, (ulong)request.Seed)
                : StratifiedSplit.GroupTrainTest(all.Target.Labels, groups, request.ValidationFraction, (ulong)request.Seed);
            // As in cross-validation, an input that is constant in the training part alone (a rare value that fell
            // in the held-out part) is left out rather than failing the run.
            var part = table.SelectRows(trainRows);
            train = TrainingSet.From(part.Without(TrainingSet.Uninformative(part, request.TargetColumn)), request.TargetColumn, request.Positive);
            holdout = all.Inputs.SelectRows(testRows);
            holdoutLabels = testRows.Select(r => all.Target.Labels[r]).ToArray();
            if (holdoutLabels.All(l => l == 1) || holdoutLabels.All(l => l == 0))
            {
                throw new ModelingDataException("The validation part holds only one outcome; use more data or a larger fraction.");
            }
        }
        else
        {
            train = all;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["validation_fraction"] = Text(request.ValidationFraction),
            ["seed"] = Text(request.Seed),
        };
        if (request.IgnoredColumns.Count > 0)
        {
            options["ignored_columns"] = string.Join(',', request.IgnoredColumns);
        }

        if (request.GroupColumn is not null)
        {
            options["group_column"] = request.GroupColumn;
        }

        var model = Fit(train, request, holdout, holdoutLabels, options);
        var trainingPd = Predict(model, train.Inputs);
        var trainingPerformance = ClassificationMetrics.Evaluate(trainingPd, train.Target.Labels);
        var validationPd = holdout is null ? null : Predict(model, holdout);
        var validationPerformance = validationPd is null ? null : ClassificationMetrics.Evaluate(validationPd, holdoutLabels!);
        // The curves of the model page come from the held-out part when there is one, as its metrics do.
        var curves = validationPd is null
            ? ValidationCurves.Compute(trainingPd, train.Target.Labels, "training")
            : ValidationCurves.Compute(validationPd, holdoutLabels!, "validation");
        var metrics = new Dictionary<string, ModelPerformance>(StringComparer.Ordinal) { ["training"] = trainingPerformance };
        if (validationPerformance is not null)
        {
            metrics["validation"] = validationPerformance;
        }

        var code = TrainingRequest.Code(request.Algorithm);
        var provenance = new ModelProvenance(
            $"{code}-{sha[..12]}",
            code,
            trainedAt,
            request.TargetColumn,
            all.Target.PositiveValue,
            all.Target.NegativeValue,
            train.Target.Labels.Length,
            train.Target.Bads,
            sha,
            options,
            metrics);
        return new TrainingOutcome(model, provenance, trainingPerformance, validationPerformance) { Curves = curves };
    }

    /// <summary>
    /// Stratified k-fold cross-validation: the rows are dealt into <paramref name="folds"/> folds that keep the bad
    /// rate (<see cref="StratifiedSplit.Folds"/>, seeded by <see cref="TrainingRequest.Seed"/>); for each fold a model is
    /// trained on the other folds and measured on it. Inside a fold no further part is held out
    /// (<see cref="TrainingRequest.ValidationFraction"/> is not used), so gradient boosting grows all its trees; an input
    /// with one value in every training row of a fold is left out of that fold's model.
    /// </summary>
    /// <param name="table">The data, outcome column included.</param>
    /// <param name="request">What to train.</param>
    /// <param name="folds">Number of folds, 2 to 20, and at most the number of bad rows and of good rows.</param>
    /// <exception cref="ModelingDataException">The data cannot be used, or there are too few bad or good rows for
    /// <paramref name="folds"/> folds.</exception>
    public static CrossValidationResult CrossValidate(ModelingTable table, TrainingRequest request, int folds)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        if (folds is < 2 or > 20)
        {
            throw new ModelingDataException($"Cross-validation needs 2 to 20 folds, not {folds}.");
        }

        var groups = GroupsOf(table, request);
        table = InputsOf(table, request);
        var all = TrainingSet.From(table, request.TargetColumn, request.Positive);
        var labels = all.Target.Labels;
        // With groups, the folds deal whole groups: the counts that must reach K are of bad and good groups.
        var units = groups is null ? labels : StratifiedSplit.GroupLabels(labels, groups);
        var bads = units.Count(l => l == 1);
        var what = groups is null ? "rows" : $"groups of '{request.GroupColumn}'";
        if (bads < folds || units.Length - bads < folds)
        {
            throw new ModelingDataException(
                $"{folds} folds need at least {folds} bad and {folds} good {what}; the data has {bads} bad and {units.Length - bads} good {what}.");
        }

        var foldOf = groups is null
            ? StratifiedSplit.Folds(labels, folds, (ulong)request.Seed)
            : StratifiedSplit.GroupFolds(labels, groups, folds, (ulong)request.Seed);
        var results = new ModelPerformance[folds];
        var inner = request with { ValidationFraction = 0, IgnoredColumns = [], GroupColumn = null };
        for (var k = 0; k < folds; k++)
        {
            var trainRows = new List<int>(labels.Length);
            var testRows = new List<int>(labels.Length / folds + 1);
            for (var r = 0; r < labels.Length; r++)
            {
                (foldOf[r] == k ? testRows : trainRows).Add(r);
            }

            // A rare value may be absent from one fold's training part: such a column is left out of that fold's
            // model rather than failing the whole validation.
            var part = table.SelectRows(CollectionsMarshalSpan(trainRows));
            var train = TrainingSet.From(part.Without(TrainingSet.Uninformative(part, request.TargetColumn)), request.TargetColumn, request.Positive);
            var model = Fit(train, inner, null, null, new Dictionary<string, string>(StringComparer.Ordinal));
            var testLabels = testRows.Select(r => labels[r]).ToArray();
            results[k] = Measure(model, all.Inputs.SelectRows(CollectionsMarshalSpan(testRows)), testLabels);
        }

        return CrossValidationResult.From(results);
    }

    /// <summary>Measures a model on a table that holds the outcome.</summary>
    /// <param name="model">The model.</param>
    /// <param name="table">The data, outcome column included.</param>
    /// <param name="targetColumn">The outcome column.</param>
    /// <param name="positive">The outcome value that counts as bad.</param>
    public static ModelPerformance Evaluate(IRiskModel model, ModelingTable table, string targetColumn, string positive)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        var target = BinaryTarget.FromColumn(table.Column(targetColumn), positive);
        return Measure(model, table, target.Labels);
    }

    /// <summary>
    /// The validation curves (ROC, calibration by decile, KS, AUC, Gini, Brier) of a model on a table that holds the
    /// outcome: for a model that comes as a file alone, measured on data the user names when registering it.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="table">The data, outcome column included; it must hold both outcomes.</param>
    /// <param name="targetColumn">The outcome column.</param>
    /// <param name="positive">The outcome value that counts as bad.</param>
    /// <param name="sample">What the data is, shown with the curves (for example <c>registration data</c>).</param>
    /// <exception cref="ModelingDataException">The column is missing, or the data holds only one outcome.</exception>
    public static ValidationCurves CurvesOn(IRiskModel model, ModelingTable table, string targetColumn, string positive, string sample)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        if (!table.HasColumn(targetColumn))
        {
            throw new ModelingDataException($"The data has no outcome column '{targetColumn}'.");
        }

        var target = BinaryTarget.FromColumn(table.Column(targetColumn), positive);
        if (target.Bads == 0 || target.Bads == target.Labels.Length)
        {
            throw new ModelingDataException($"The data holds only one outcome in '{targetColumn}'; curves need bad and good rows.");
        }

        return ValidationCurves.Compute(Predict(model, table), target.Labels, sample);
    }

    private static ModelPerformance Measure(IRiskModel model, ModelingTable inputs, byte[] labels) =>
        ClassificationMetrics.Evaluate(Predict(model, inputs), labels);

    private static double[] Predict(IRiskModel model, ModelingTable inputs)
    {
        var rows = FeatureMatrix.FromTable(inputs, model.Features);
        var pd = new double[rows.Rows];
        model.PredictProbabilities(rows, pd);
        return pd;
    }

    private static IRiskModel Fit(TrainingSet train, TrainingRequest request, ModelingTable? holdout, byte[]? holdoutLabels, Dictionary<string, string> options)
    {
        var labels = train.Target.Labels;
        switch (request.Algorithm)
        {
            case ModelAlgorithm.Scorecard:
                return ScorecardTrainer.Train(train).Scorecard;
            case ModelAlgorithm.Logistic:
                return LogisticTrainer.Train(train);
            case ModelAlgorithm.GradientBoosting:
            {
                var defaults = new GradientBoostingOptions();
                var settings = defaults with
                {
                    Trees = request.Trees ?? defaults.Trees,
                    MaxDepth = request.MaxDepth ?? defaults.MaxDepth,
                    LearningRate = request.LearningRate ?? defaults.LearningRate,
                    Subsample = request.Subsample ?? defaults.Subsample,
                    EarlyStoppingRounds = request.EarlyStoppingRounds ?? defaults.EarlyStoppingRounds,
                    Threads = request.Threads,
                    Seed = request.Seed,
                };
                Check(settings.Validate);
                options["trees"] = Text(settings.Trees);
                options["depth"] = Text(settings.MaxDepth);
                options["learning_rate"] = Text(settings.LearningRate);
                options["subsample"] = Text(settings.Subsample);
                options["lambda"] = Text(settings.Lambda);
                options["min_child_weight"] = Text(settings.MinChildWeight);
                options["early_stopping_rounds"] = Text(settings.EarlyStoppingRounds);
                var schema = TreeInputs.Schema(train.Inputs, labels);
                var rows = FeatureMatrix.FromTable(train.Inputs, schema);
                var validation = holdout is null ? null : FeatureMatrix.FromTable(holdout, schema);
                var (model, history) = GradientBoostingTrainer.Train(rows, labels, schema, settings, validation, holdoutLabels);
                options["trees_kept"] = Text(history.BestIteration);
                return model;
            }

            case ModelAlgorithm.DecisionTree:
            {
                var depth = request.MaxDepth ?? 6;
                var schema = TreeInputs.Schema(train.Inputs, labels);
                var minLeaf = Math.Max(1, labels.Length / 100);
                options["depth"] = Text(depth);
                options["min_leaf_rows"] = Text(minLeaf);
                Check(() => new RandomForestOptions { MaxDepth = depth }.Validate());
                return RandomForestTrainer.TrainDecisionTree(FeatureMatrix.FromTable(train.Inputs, schema), labels, schema, depth, minLeaf);
            }

            default:
            {
                var defaults = new RandomForestOptions();
                var settings = defaults with
                {
                    Trees = request.Trees ?? defaults.Trees,
                    MaxDepth = request.MaxDepth ?? defaults.MaxDepth,
                    Threads = request.Threads,
                    Seed = request.Seed,
                };
                Check(settings.Validate);
                options["trees"] = Text(settings.Trees);
                options["depth"] = Text(settings.MaxDepth);
                options["min_leaf_rows"] = Text(settings.MinLeafRows);
                var schema = TreeInputs.Schema(train.Inputs, labels);
                return RandomForestTrainer.Train(FeatureMatrix.FromTable(train.Inputs, schema), labels, schema, settings);
            }
        }
    }

    /// <summary>The group number of each row from <see cref="TrainingRequest.GroupColumn"/>, or null without one.</summary>
    private static int[]? GroupsOf(ModelingTable table, TrainingRequest request)
    {
        if (request.GroupColumn is not { } name)
        {
            return null;
        }

        if (!table.HasColumn(name))
        {
            throw new ModelingDataException($"The data has no group column '{name}'.");
        }

        if (name == request.TargetColumn)
        {
            throw new ModelingDataException($"The outcome column '{name}' cannot be the group column.");
        }

        var column = table.Column(name);
        var keys = new string[column.RowCount];
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = column.TextAt(r) ?? throw new ModelingDataException($"Row {r + 1} has no value in the group column '{name}'.");
        }

        return StratifiedSplit.NumberGroups(keys).Groups;
    }

    private static ModelingTable InputsOf(ModelingTable table, TrainingRequest request)
    {
        // The group column is an identifier, never an input, whether or not it is also listed as ignored.
        if (request.GroupColumn is { } group && !request.IgnoredColumns.Contains(group))
        {
            request = request with { IgnoredColumns = [.. request.IgnoredColumns, group] };
        }

        if (request.IgnoredColumns.Count == 0)
        {
            return table;
        }

        foreach (var name in request.IgnoredColumns)
        {
            if (!table.HasColumn(name))
            {
                throw new ModelingDataException($"The data has no column '{name}' to ignore.");
            }

            if (name == request.TargetColumn)
            {
                throw new ModelingDataException($"The outcome column '{name}' cannot be ignored.");
            }
        }

        return table.Without([.. request.IgnoredColumns]);
    }

    private static ReadOnlySpan<int> CollectionsMarshalSpan(List<int> rows) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows);

    private static void Check(Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ModelingDataException($"Setting {e.ParamName} = {e.ActualValue} is out of range: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
