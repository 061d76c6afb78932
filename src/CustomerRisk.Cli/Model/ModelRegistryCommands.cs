using System.CommandLine;
using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Models;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Policy;
using CustomerRisk.Storage.Models;

namespace CustomerRisk.Cli.Model;

/// <summary>`crisk model build-table | register | activate | deactivate | list`: the customer PD model trained on the
/// store's own history and the models registry that `assess` reads (docs/modeling.md).</summary>
public static class ModelRegistryCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The subcommands added to `crisk model`.</summary>
    public static IEnumerable<Command> Create(TimeProvider clock)
    {
        yield return BuildTable();
        yield return Register(clock);
        yield return Activate();
        yield return Deactivate();
        yield return List();
    }

    /// <summary>The active model of the store named by --db, bound for scoring; null when none is active.</summary>
    public static async Task<ICreditScoreModel?> LoadActiveAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var registry = ModelRegistryStore.Open(GlobalOptions.DatabaseOf(parseResult));
        return await ModelRegistryUseCases.LoadActiveAsync(registry, cancellationToken);
    }

    /// <summary>Registers a model file's text in the store named by --db.</summary>
    public static async Task<RegisteredModel> RegisterAsync(ParseResult parseResult, TimeProvider clock, string modelFileJson,
        CancellationToken cancellationToken, CustomerRisk.Modeling.Validation.ValidationCurves? curves = null)
    {
        await (await StoreOpener.OpenAsync(parseResult, clock, cancellationToken)).DisposeAsync(); // migrated
        await using var registry = ModelRegistryStore.Open(GlobalOptions.DatabaseOf(parseResult));
        return await ModelRegistryUseCases.RegisterAsync(registry, modelFileJson, clock.GetUtcNow(), cancellationToken, curves);
    }

    /// <summary>Splits a comma-separated column list; empty when null.</summary>
    public static IReadOnlyList<string> Columns(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static Command BuildTable()
    {
        var output = new Option<string>("--out") { Description = "Write the training table here (CSV).", Required = true };
        var from = new Option<string?>("--from") { Description = "First snapshot: the first month end on or after this date (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Last snapshot: the last month end on or before this date; at most a year before the data ends." };
        var policyFile = new Option<string?>("--policy") { Description = "A policy file (YAML) for the expert_pd column; default the built-in policy." };
        var command = new Command("build-table",
            "Build the customer PD training table from the store: inputs at month-end snapshots, label 90+ days past due within 12 months.")
        {
            output, from, to, policyFile,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var request = new BuildTrainingTableRequest(
                parseResult.GetValue(from) is { } f ? GlobalOptions.ParseDate(f, "--from") : null,
                parseResult.GetValue(to) is { } t ? GlobalOptions.ParseDate(t, "--to") : null);
            var policy = parseResult.GetValue(policyFile) is { } path ? PolicyLoader.LoadFile(path) : CreditPolicy.Default;
            await using var store = await StoreOpener.OpenAsync(parseResult, TimeProvider.System, cancellationToken);
            TrainingTable table;
            try
            {
                table = await BuildTrainingTable.HandleAsync(request, store, policy, cancellationToken);
            }
            catch (ArgumentException exception)
            {
                throw new CliUsageException(exception.Message);
            }

            var file = parseResult.GetValue(output)!;
            await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
            {
                table.WriteCsv(writer);
            }

            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["table"] = file,
                ["rows"] = table.Rows.Count,
                ["bads"] = table.Bads,
                ["customers"] = table.Rows.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal).Count(),
                ["snapshots"] = table.Snapshots.Select(s => s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                ["data_end"] = table.DataEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["target"] = TrainingTable.LabelColumn,
                ["ignore"] = string.Join(',', TrainingTable.NonInputColumns),
                ["group"] = TrainingTable.GroupColumn,
                ["dropped_inputs"] = table.DroppedInputs,
            }, Json));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Register(TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "A model file written by 'crisk model train --out'." };
        var data = new Option<string?>("--data")
        {
            Description = "A table with the outcome (CSV) to measure the model on, so the registry keeps its validation curves (ROC, calibration) for the model page.",
        };
        var target = new Option<string?>("--target") { Description = "The outcome column of --data." };
        var positive = new Option<string>("--positive") { Description = "The outcome value that counts as bad.", DefaultValueFactory = _ => "1" };
        var command = new Command("register", "Register a model file in the store's models registry as the next version of its id.") { file, data, target, positive };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var text = await File.ReadAllTextAsync(parseResult.GetValue(file)!, cancellationToken);
            CustomerRisk.Modeling.Validation.ValidationCurves? curves = null;
            if (parseResult.GetValue(data) is { } dataPath)
            {
                var targetColumn = parseResult.GetValue(target) ?? throw new CliUsageException("--data needs --target: the outcome column to measure the model against.");
                var saved = ModelFile.Deserialize(text);
                curves = ModelTrainer.CurvesOn(saved.Model, CsvTableReader.Read(dataPath), targetColumn, parseResult.GetValue(positive)!, "registration data");
            }
            else if (parseResult.GetValue(target) is not null)
            {
                throw new CliUsageException("--target goes with --data.");
            }

            var registered = await RegisterAsync(parseResult, clock, text, cancellationToken, curves);
            var summary = Summary(registered);
            summary["curves"] = curves is null ? null : new Dictionary<string, object?>
            {
                ["sample"] = curves.Sample, ["rows"] = curves.Rows, ["bads"] = curves.Bads, ["auc"] = curves.Auc, ["ks"] = curves.Ks,
            };
            Console.WriteLine(JsonSerializer.Serialize(summary, Json));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Activate()
    {
        var id = new Argument<string>("ID") { Description = "The model id ('crisk model list' shows them)." };
        var version = new Option<int?>("--version") { Description = "The version to activate; default the latest." };
        var command = new Command("activate", "Make a registered model the one 'assess' scores with.") { id, version };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await (await StoreOpener.OpenAsync(parseResult, TimeProvider.System, cancellationToken)).DisposeAsync();
            await using var registry = ModelRegistryStore.Open(GlobalOptions.DatabaseOf(parseResult));
            RegisteredModel model;
            try
            {
                model = await ModelRegistryUseCases.ActivateAsync(registry, parseResult.GetValue(id)!, parseResult.GetValue(version), cancellationToken);
            }
            catch (KeyNotFoundException exception)
            {
                throw new CliUsageException(exception.Message);
            }

            Console.WriteLine(JsonSerializer.Serialize(Summary(model), Json));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Deactivate()
    {
        var command = new Command("deactivate", "Make no model active: 'assess' scores with the expert scorecard again.");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await (await StoreOpener.OpenAsync(parseResult, TimeProvider.System, cancellationToken)).DisposeAsync();
            await using var registry = ModelRegistryStore.Open(GlobalOptions.DatabaseOf(parseResult));
            await registry.DeactivateAllAsync(cancellationToken);
            Console.WriteLine("{\"active\":null}");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the registered models as JSON: id, version, algorithm, metrics, which is active.");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await (await StoreOpener.OpenAsync(parseResult, TimeProvider.System, cancellationToken)).DisposeAsync();
            await using var registry = ModelRegistryStore.Open(GlobalOptions.DatabaseOf(parseResult));
            var models = await registry.ListAsync(cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(models.Select(Summary).ToArray(), Json));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Dictionary<string, object?> Summary(RegisteredModel model) => new()
    {
        ["model_id"] = model.ModelId,
        ["version"] = model.Version,
        ["algorithm"] = model.Algorithm,
        ["created_at"] = model.CreatedAt,
        ["training_data_sha256"] = model.TrainingDataSha256,
        ["active"] = model.IsActive,
        ["metrics"] = JsonDocument.Parse(model.MetricsJson).RootElement,
    };
}
