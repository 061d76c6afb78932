using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Cli.Model;

/// <summary>`crisk model train | evaluate | score` (spec/cli.md): risk models trained on a CSV table.</summary>
public static class ModelCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    public static Command Create() => Create(TimeProvider.System);

    public static Command Create(TimeProvider clock)
    {
        var command = new Command("model", "Train, evaluate and apply risk models on CSV tables.");
        command.Subcommands.Add(Train(clock));
        command.Subcommands.Add(Evaluate());
        command.Subcommands.Add(Score());
        foreach (var registryCommand in ModelRegistryCommands.Create(clock))
        {
            command.Subcommands.Add(registryCommand);
        }

        return command;
    }

    private static Command Train(TimeProvider clock)
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row.", Required = true };
        var target = new Option<string>("--target") { Description = "The outcome column (two values).", Required = true };
        var algorithm = new Option<string>("--algorithm") { Description = "scorecard, logistic, gbdt, tree or forest.", Required = true };
        algorithm.AcceptOnlyFromAmong("scorecard", "logistic", "gbdt", "tree", "forest");
        var output = new Option<string?>("--out") { Description = "Write the model file here (JSON)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and random draws.", DefaultValueFactory = _ => 42 };
        var positive = new Option<string>("--positive") { Description = "The target value that counts as bad.", DefaultValueFactory = _ => "1" };
        var trees = new Option<int?>("--trees") { Description = "Number of trees (gbdt, forest)." };
        var depth = new Option<int?>("--depth") { Description = "Maximum tree depth (gbdt, tree, forest)." };
        var learningRate = new Option<double?>("--learning-rate") { Description = "Learning rate (gbdt)." };
        var subsample = new Option<double?>("--subsample") { Description = "Share of rows per tree (gbdt)." };
        var earlyStopping = new Option<int?>("--early-stopping-rounds")
        {
            Description = "Rounds without validation improvement before boosting stops (gbdt; default 50, 0 grows every tree).",
        };
        var threads = new Option<int>("--threads") { Description = "Threads to use; -1 for all processors.", DefaultValueFactory = _ => -1 };
        var validationFraction = new Option<double>("--validation-fraction")
        {
            Description = "Share of rows held out for early stopping and the printed metrics (0 to 0.9).",
            DefaultValueFactory = _ => 0.3,
        };
        var timing = new Option<bool>("--timing") { Description = "Also print training seconds and batch scoring rows per second." };
        var ignore = new Option<string?>("--ignore")
        {
            Description = "Comma-separated columns that are not inputs (for the PD table of 'build-table': customer_id,as_of,expert_pd).",
        };
        var group = new Option<string?>("--group")
        {
            Description = "A column naming each row's group (customer_id for the PD table): the held-out part and the folds take whole groups, and the column is not an input.",
        };
        var folds = new Option<int?>("--folds") { Description = "Also run stratified k-fold cross-validation with K folds (2 to 20) and print mean and standard deviation of each metric." };
        var register = new Option<bool>("--register") { Description = "Register the trained model in the store's models registry (--db)." };
        var command = new Command("train", "Train a model on a table and print its validation metrics as JSON.")
        {
            data, target, algorithm, output, seed, positive, trees, depth, learningRate, subsample, earlyStopping, threads, validationFraction, timing,
            ignore, group, folds, register,
        };
        // CommandRunner.RunAsync is called explicitly: Command.SetAction's own overload takes precedence over the
        // CommandRunner extension of the same shape, which would let exceptions escape with a stack trace.
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var threadCount = parseResult.GetValue(threads);
            if (threadCount == 0 || threadCount < -1)
            {
                throw new CliUsageException("--threads must be at least 1, or -1 for all processors.");
            }

            var table = CsvTableReader.Read(parseResult.GetValue(data)!);
            var request = new TrainingRequest
            {
                Algorithm = TrainingRequest.ParseAlgorithm(parseResult.GetValue(algorithm)!),
                TargetColumn = parseResult.GetValue(target)!,
                Positive = parseResult.GetValue(positive)!,
                ValidationFraction = parseResult.GetValue(validationFraction),
                Seed = parseResult.GetValue(seed),
                Trees = parseResult.GetValue(trees),
                MaxDepth = parseResult.GetValue(depth),
                LearningRate = parseResult.GetValue(learningRate),
                Subsample = parseResult.GetValue(subsample),
                EarlyStoppingRounds = parseResult.GetValue(earlyStopping),
                Threads = threadCount,
                IgnoredColumns = ModelRegistryCommands.Columns(parseResult.GetValue(ignore)),
                GroupColumn = parseResult.GetValue(group) is { Length: > 0 } g ? g.Trim() : null,
            };
            var crossValidation = parseResult.GetValue(folds) is { } k ? ModelTrainer.CrossValidate(table, request, k) : null;
            var stopwatch = Stopwatch.StartNew();
            var outcome = ModelTrainer.Train(table, request, clock.GetUtcNow());
            var trainSeconds = stopwatch.Elapsed.TotalSeconds;
            var report = new Dictionary<string, object?>
            {
                ["model_id"] = outcome.Provenance.ModelId,
                ["algorithm"] = outcome.Provenance.Algorithm,
                ["training_rows"] = outcome.Provenance.TrainingRows,
                ["validation"] = outcome.Validation,
                ["training"] = outcome.Training,
                ["options"] = outcome.Provenance.Options,
            };
            if (crossValidation is not null)
            {
                report["cross_validation"] = new Dictionary<string, object?>
                {
                    ["folds"] = crossValidation.Folds.Count,
                    ["mean"] = crossValidation.Mean,
                    ["standard_deviation"] = crossValidation.StandardDeviation,
                    ["per_fold"] = crossValidation.Folds,
                };
            }

            if (parseResult.GetValue(timing))
            {
                report["train_seconds"] = trainSeconds;
                report["predict_rows_per_second"] = PredictRate(outcome.Model, table);
            }

            if (parseResult.GetValue(output) is { } path)
            {
                ModelFile.Write(path, outcome.Model, outcome.Provenance);
                report["model_file"] = path;
            }

            if (parseResult.GetValue(register))
            {
                var registered = await ModelRegistryCommands.RegisterAsync(parseResult, clock,
                    ModelFile.Serialize(outcome.Model, outcome.Provenance), cancellationToken, outcome.Curves);
                report["registered"] = new Dictionary<string, object?> { ["model_id"] = registered.ModelId, ["version"] = registered.Version };
            }

            Console.WriteLine(JsonSerializer.Serialize(report, Json));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Evaluate()
    {
        var model = new Option<string>("--model") { Description = "A model file written by 'crisk model train --out'.", Required = true };
        var data = new Option<string>("--data") { Description = "CSV file holding the model's inputs and the outcome.", Required = true };
        var target = new Option<string>("--target") { Description = "The outcome column.", Required = true };
        var positive = new Option<string?>("--positive") { Description = "The target value that counts as bad; default: the model's." };
        var command = new Command("evaluate", "Measure a model on a table: AUC, KS, Gini, Brier, log loss.") { model, data, target, positive };
        command.SetAction((parseResult, _) => CommandRunner.RunAsync(() =>
        {
            var saved = ModelFile.Read(parseResult.GetValue(model)!);
            var table = CsvTableReader.Read(parseResult.GetValue(data)!);
            var bad = parseResult.GetValue(positive) ?? saved.Provenance.PositiveValue;
            var performance = ModelTrainer.Evaluate(saved.Model, table, parseResult.GetValue(target)!, bad);
            Console.WriteLine(JsonSerializer.Serialize(performance, Json));
            return Task.FromResult(ExitCodes.Done);
        }));
        return command;
    }

    private static Command Score()
    {
        var model = new Option<string>("--model") { Description = "A model file written by 'crisk model train --out'.", Required = true };
        var data = new Option<string>("--data") { Description = "CSV file holding the model's inputs.", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the scores here (CSV); default standard output." };
        var command = new Command("score", "Score every row: score, PD and the top reasons, as CSV.") { model, data, output };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var saved = ModelFile.Read(parseResult.GetValue(model)!);
            var table = CsvTableReader.Read(parseResult.GetValue(data)!);
            var scored = ModelScorer.Score(saved.Model, table);
            var text = new StringBuilder(scored.Count * 64);
            text.Append("row,score,pd");
            for (var i = 1; i <= ModelScorer.MaxReasons; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $",reason_{i}");
            }

            text.Append('\n');
            for (var r = 0; r < scored.Count; r++)
            {
                var row = scored[r];
                text.Append(CultureInfo.InvariantCulture, $"{r + 1},{row.Score:F0},{row.ProbabilityOfBad:G6}");
                for (var i = 0; i < ModelScorer.MaxReasons; i++)
                {
                    text.Append(',');
                    if (i < row.Reasons.Count)
                    {
                        text.Append(Csv(row.Reasons[i]));
                    }
                }

                text.Append('\n');
            }

            if (parseResult.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
                await Console.Error.WriteLineAsync($"Scored {scored.Count:N0} rows with {saved.Provenance.ModelId} into {path}.");
            }
            else
            {
                await Console.Out.WriteAsync(text.ToString());
            }

            return ExitCodes.Done;
        }));
        return command;
    }

    private static double PredictRate(IRiskModel model, ModelingTable table)
    {
        var rows = FeatureMatrix.FromTable(table, model.Features);
        var pd = new double[rows.Rows];
        model.PredictProbabilities(rows, pd); // warm-up
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            model.PredictProbabilities(rows, pd);
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }

        return rows.Rows / best;
    }

    private static string Csv(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
