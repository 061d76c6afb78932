using System.Text.Json;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Application.Models;

/// <summary>Registering, activating and loading the model `assess` scores with (docs/modeling.md).</summary>
public static class ModelRegistryUseCases
{
    private static readonly JsonSerializerOptions MetricsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Registers a model file (its JSON text) as the next version of its id.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="modelFileJson">A model file's text, as <c>crisk model train --out</c> writes it.</param>
    /// <param name="registeredAt">The registration time (the caller's clock).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="curves">The validation curves of the training run (<see cref="TrainingOutcome.Curves"/>), kept with
    /// the model for the model page; null when only the file is at hand.</param>
    /// <exception cref="ModelingDataException">The text is not a model file this version reads.</exception>
    public static async Task<RegisteredModel> RegisterAsync(IModelRegistry registry, string modelFileJson,
        DateTimeOffset registeredAt, CancellationToken cancellationToken, ValidationCurves? curves = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(modelFileJson);
        var saved = ModelFile.Deserialize(modelFileJson);
        var p = saved.Provenance;
        return await registry.AddAsync(new RegisteredModel
        {
            ModelId = p.ModelId,
            Version = 0,
            Algorithm = p.Algorithm,
            CreatedAt = registeredAt,
            TrainingDataSha256 = p.TrainingDataSha256,
            MetricsJson = JsonSerializer.Serialize(p.Metrics, MetricsJson),
            ModelFileJson = modelFileJson,
            CurvesJson = curves is null ? null : JsonSerializer.Serialize(curves, MetricsJson),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The validation curves stored with a model, or null when it has none (or they cannot be read).</summary>
    public static ValidationCurves? CurvesOf(RegisteredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.CurvesJson is not { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ValidationCurves>(json, MetricsJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Activates a model version (the latest when <paramref name="version"/> is null), after checking that it
    /// can score customers: every input it reads must be a PD model input.</summary>
    /// <exception cref="KeyNotFoundException">No such model or version.</exception>
    /// <exception cref="ModelingDataException">The model reads inputs `assess` does not compute.</exception>
    public static async Task<RegisteredModel> ActivateAsync(IModelRegistry registry, string modelId, int? version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var model = await registry.ReadAsync(modelId, version, cancellationToken).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException(version is { } v
                        ? $"No model '{modelId}' version {v} is registered."
                        : $"No model '{modelId}' is registered; 'crisk model list' shows the registered ones.");
        _ = Bind(model);
        await registry.ActivateAsync(model.ModelId, model.Version, cancellationToken).ConfigureAwait(false);
        return model with { IsActive = true };
    }

    /// <summary>The active model bound for scoring, or null when none is active (then `assess` uses the expert
    /// scorecard).</summary>
    public static async Task<TrainedScoreModel?> LoadActiveAsync(IModelRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var active = await registry.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
        return active is null ? null : Bind(active);
    }

    /// <summary>Reads a registered model's file and binds it to the PD inputs.</summary>
    public static TrainedScoreModel Bind(RegisteredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var saved = ModelFile.Deserialize(model.ModelFileJson);
        return new TrainedScoreModel(saved.Model, model.ModelId, model.Version);
    }
}
