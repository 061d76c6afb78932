namespace CustomerRisk.Application.Models;

/// <summary>One version of a model in the store's registry (table <c>risk_models</c>).</summary>
public sealed record RegisteredModel
{
    /// <summary>The model's id: algorithm and the first 12 hex digits of its training data's hash
    /// (<c>gbdt-3f2a9c1e5d7b</c>).</summary>
    public required string ModelId { get; init; }

    /// <summary>1 for the first registration of the id, then one more each time the same id is registered.</summary>
    public required int Version { get; init; }

    /// <summary>Algorithm code: <c>scorecard</c>, <c>logistic</c>, <c>gbdt</c>, <c>tree</c> or <c>forest</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>When it was registered (the caller's clock).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 of the training table, lower-case hex.</summary>
    public required string TrainingDataSha256 { get; init; }

    /// <summary>The metrics as JSON: <c>{"training":{auc,ks,gini,brier,log_loss,rows},"validation":{…}}</c>.</summary>
    public required string MetricsJson { get; init; }

    /// <summary>The whole model file (JSON, docs/modeling.md), exactly as registered.</summary>
    public required string ModelFileJson { get; init; }

    /// <summary>The validation curves as JSON (<see cref="ModelRegistryUseCases.CurvesOf"/> reads them), computed when
    /// the model was trained; null when it was registered from a model file alone.</summary>
    public string? CurvesJson { get; init; }

    /// <summary>True for the one model `assess` scores with; at most one is active.</summary>
    public bool IsActive { get; init; }

    /// <summary>The name the assessment output shows: <c>model_id@version</c>.</summary>
    public string Name => $"{ModelId}@{Version}";
}
