using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Apis;

/// <summary>The model files in the folder given by <c>--models</c> (written by `crisk model train`), with their
/// validation metrics. The store keeps no models yet, so without --models the list is empty.</summary>
public static class ModelsApi
{
    /// <summary>Performance on one data set; a figure that is not a number (one class only) is null.</summary>
    public sealed record Metrics(double? Auc, double? Ks, double? Gini, double? Brier, double? LogLoss, int Rows);

    /// <summary>A model file, or the reason it could not be read.</summary>
    public sealed record ModelView(string File, string? ModelId, string? Algorithm, DateTimeOffset? TrainedAt, string? Target,
        int? TrainingRows, int? TrainingBads, IReadOnlyDictionary<string, Metrics>? Metrics, string? Error);

    public static void MapModelsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/models").WithTags("Models").RequireAuthorization(Policies.Assess)
            .MapGet("/", List).WithSummary("Model files and their metrics.");
    }

    private static Ok<ModelView[]> List(StoreLocation location)
    {
        if (location.ModelsFolder is not { } folder || !Directory.Exists(folder))
        {
            return TypedResults.Ok(Array.Empty<ModelView>());
        }

        var views = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(200).Select(path =>
        {
            var name = Path.GetFileName(path);
            try
            {
                var p = ModelFile.Read(path).Provenance;
                return new ModelView(name, p.ModelId, p.Algorithm, p.TrainedAt, p.TargetColumn, p.TrainingRows, p.TrainingBads,
                    p.Metrics.ToDictionary(m => m.Key, m => new Metrics(Finite(m.Value.Auc), Finite(m.Value.Ks), Finite(m.Value.Gini),
                        Finite(m.Value.Brier), Finite(m.Value.LogLoss), m.Value.Rows)), null);
            }
            catch (Exception exception) when (exception is ModelingDataException or IOException or System.Text.Json.JsonException
                                                  or InvalidDataException or FormatException)
            {
                return new ModelView(name, null, null, null, null, null, null, null, "Not a readable model file.");
            }
        }).ToArray();
        return TypedResults.Ok(views);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
