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

        var all = TrainingSet.From(table, request.TargetColumn, request.Positive);
        TrainingSet train;
        ModelingTable? holdout = null;
        byte[]? holdoutLabels = null;
        if (request.ValidationFraction > 0)
        {
            var (trainRows, testRows) = StratifiedSplit.TrainTest(all.Target.Labels, request.ValidationFraction, (ulong)request.Seed);
            train = TrainingSet.From(table.SelectRows(trainRows), request.TargetColumn, request.Positive);
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
        var model = Fit(train, request, holdout, holdoutLabels, options);
        var trainingPerformance = Measure(model, train.Inputs, train.Target.Labels);
        var validationPerformance = holdout is null ? null : Measure(model, holdout, holdoutLabels!);
        var metrics = new Dictionary<string, ModelPerformance>(StringComparer.Ordinal) { ["training"] = trainingPerformance };
        if (validationPerformance is not null)
        {
            metrics["validation"] = validationPerformance;
        }

        var sha = TableFingerprint.Sha256(table);
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
        return new TrainingOutcome(model, provenance, trainingPerformance, validationPerformance);
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

    private static ModelPerformance Measure(IRiskModel model, ModelingTable inputs, byte[] labels)
    {
        var rows = FeatureMatrix.FromTable(inputs, model.Features);
        var pd = new double[rows.Rows];
        model.PredictProbabilities(rows, pd);
        return ClassificationMetrics.Evaluate(pd, labels);
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
