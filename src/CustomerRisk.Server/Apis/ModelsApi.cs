using System.Text.Json;
using CustomerRisk.Application.Models;
using CustomerRisk.Application.Ports;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Validation;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using CustomerRisk.Storage.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerRisk.Server.Apis;

/// <summary>The models of the store's registry (`crisk model register|activate`, table risk_models) with their metrics,
/// and per model version what the model page draws: the validation curves stored with it (ROC, calibration by decile,
/// KS, AUC, Gini, Brier) and the PSI of its PD distribution between the validation sample and the current portfolio.
/// Model files in the folder given by <c>--models</c> are listed too, as before the registry existed.</summary>
public static class ModelsApi
{
    /// <summary>Performance on one data set; a figure that is not a number (one class only) is null.</summary>
    public sealed record Metrics(double? Auc, double? Ks, double? Gini, double? Brier, double? LogLoss, int Rows);

    /// <summary>A model file, or the reason it could not be read.</summary>
    public sealed record ModelView(string File, string? ModelId, string? Algorithm, DateTimeOffset? TrainedAt, string? Target,
        int? TrainingRows, int? TrainingBads, IReadOnlyDictionary<string, Metrics>? Metrics, string? Error);

    /// <summary>One registered model version.</summary>
    public sealed record RegisteredView(string ModelId, int Version, string Name, string Algorithm, DateTimeOffset CreatedAt,
        bool Active, string TrainingDataSha256, IReadOnlyDictionary<string, Metrics> Metrics, bool HasCurves);

    /// <summary>GET /api/models: the registered models (oldest registration first) and the files of --models.</summary>
    public sealed record ModelList(IReadOnlyList<RegisteredView> Registered, IReadOnlyList<ModelView> Files);

    /// <summary>The PSI of the model's PD distribution, the validation sample against the portfolio as of a date.</summary>
    public sealed record StabilityView(DateOnly AsOf, double Psi, string Reading, int Customers, IReadOnlyList<PsiBand> Bands);

    /// <summary>GET /api/models/{id}/versions/{version}: the model, its curves (null when it was registered without
    /// them) and its stability (null with the reason in <see cref="StabilityNote"/> when it cannot be computed).</summary>
    public sealed record ModelDetail(RegisteredView Model, ValidationCurves? Curves, StabilityView? Stability, string? StabilityNote);

    public static void MapModelsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var models = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization(Policies.Assess);
        models.MapGet("/", ListAsync).WithSummary("The registered models with their metrics, and the model files of --models.");
        models.MapGet("/{modelId}/versions/{version:int}", DetailAsync)
            .WithSummary("One model version: metrics, validation curves (ROC, calibration, KS, AUC, Gini, Brier) and the PSI against the portfolio (as_of=yyyy-MM-dd; default the latest saved assessment's date).");
    }

    private static async Task<Ok<ModelList>> ListAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        await using var registry = ModelRegistryStore.Open(location.Db);
        var registered = (await registry.ListAsync(cancellationToken)).Select(View).ToArray();
        return TypedResults.Ok(new ModelList(registered, Files(location)));
    }

    private static async Task<Results<Ok<ModelDetail>, ProblemHttpResult, ValidationProblem>> DetailAsync(string modelId, int version,
        StoreLocation location, IRiskStore store, ICustomerDirectory directory, TimeProvider clock, IMemoryCache cache,
        CancellationToken cancellationToken, [FromQuery(Name = "as_of")] string? asOf = null)
    {
        DateOnly? date = null;
        if (asOf is not null)
        {
            if (!PortfolioApi.TryParseDate(asOf, out var d))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["as_of"] = ["as_of is a date: yyyy-MM-dd."] });
            }

            date = d;
        }

        RegisteredModel? model = null;
        if (modelId.Length <= 200 && version >= 1)
        {
            await using var registry = ModelRegistryStore.Open(location.Db);
            model = await registry.ReadAsync(modelId, version, cancellationToken);
        }

        if (model is null)
        {
            return TypedResults.Problem(title: "No such model.", detail: $"No model '{Clip(modelId)}' version {version} is registered.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var curves = ModelRegistryUseCases.CurvesOf(model);
        if (curves is null)
        {
            return TypedResults.Ok(new ModelDetail(View(model), null, null,
                "The model was registered without its validation curves, so there is no reference distribution to compare with."));
        }

        date ??= (await directory.LatestRunAsync(cancellationToken))?.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Scoring the portfolio costs an assessment: kept until the data, the policy or the date change.
        var key = ("model-stability", model.Name, date.Value, location.Policy.Version, await directory.DataVersionAsync(cancellationToken));
        if (!cache.TryGetValue(key, out ModelStabilityResult? stability))
        {
            try
            {
                stability = await ModelStability.HandleAsync(model, date.Value, store, location.Policy, clock, cancellationToken);
            }
            catch (ModelingDataException exception)
            {
                return TypedResults.Ok(new ModelDetail(View(model), curves, null, "The portfolio cannot be scored with this model: " + exception.Message));
            }

            cache.Set(key, stability, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return stability is null
            ? TypedResults.Ok(new ModelDetail(View(model), curves, null, "The portfolio has no customer to score."))
            : TypedResults.Ok(new ModelDetail(View(model), curves,
                new StabilityView(stability.AsOf, stability.Comparison.Psi, stability.Comparison.Reading, stability.Comparison.RecentRows,
                    stability.Comparison.Bands), null));
    }

    private static RegisteredView View(RegisteredModel model) =>
        new(model.ModelId, model.Version, model.Name, model.Algorithm, model.CreatedAt, model.IsActive, model.TrainingDataSha256,
            ParseMetrics(model.MetricsJson), model.CurvesJson is { Length: > 0 });

    // The registry's metrics text: {"training":{auc,ks,gini,brier,log_loss,rows},"validation":{…}}; a figure that is
    // not a number is null rather than failing the list.
    private static Dictionary<string, Metrics> ParseMetrics(string json)
    {
        var result = new Dictionary<string, Metrics>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var set in document.RootElement.EnumerateObject())
            {
                if (set.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                double? Figure(string name) =>
                    set.Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
                var rows = set.Value.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) ? n : 0;
                result[set.Name] = new Metrics(Figure("auc"), Figure("ks"), Figure("gini"), Figure("brier"), Figure("log_loss"), rows);
            }
        }
        catch (JsonException)
        {
        }

        return result;
    }

    private static ModelView[] Files(StoreLocation location)
    {
        if (location.ModelsFolder is not { } folder || !Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(200).Select(path =>
        {
            var name = Path.GetFileName(path);
            try
            {
                var p = ModelFile.Read(path).Provenance;
                return new ModelView(name, p.ModelId, p.Algorithm, p.TrainedAt, p.TargetColumn, p.TrainingRows, p.TrainingBads,
                    p.Metrics.ToDictionary(m => m.Key, m => new Metrics(Finite(m.Value.Auc), Finite(m.Value.Ks), Finite(m.Value.Gini),
                        Finite(m.Value.Brier), Finite(m.Value.LogLoss), m.Value.Rows)), null);
            }
            catch (Exception exception) when (exception is ModelingDataException or IOException or JsonException
                                                  or InvalidDataException or FormatException)
            {
                return new ModelView(name, null, null, null, null, null, null, null, "Not a readable model file.");
            }
        }).ToArray();
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
