using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling.Files;

/// <summary>Where a model came from: the facts a model file keeps beside the model itself.</summary>
/// <param name="ModelId">A name for the model, such as <c>gbdt-3f2a9c1e</c>.</param>
/// <param name="Algorithm">Algorithm code: <c>scorecard</c>, <c>logistic</c>, <c>gbdt</c>, <c>tree</c> or <c>forest</c>.</param>
/// <param name="TrainedAt">When training ran, as passed in by the caller (the library never reads the clock).</param>
/// <param name="TargetColumn">The outcome column.</param>
/// <param name="PositiveValue">The outcome value that counts as bad.</param>
/// <param name="NegativeValue">The other outcome value.</param>
/// <param name="TrainingRows">Rows the model was fitted on.</param>
/// <param name="TrainingBads">Bad rows among them.</param>
/// <param name="TrainingDataSha256">SHA-256 of the whole table given for training (<see cref="TableFingerprint"/>), lower-case hex.</param>
/// <param name="Options">The training settings, as text.</param>
/// <param name="Metrics">Performance by data set name (<c>validation</c>, <c>training</c>).</param>
public sealed record ModelProvenance(
    string ModelId,
    string Algorithm,
    DateTimeOffset TrainedAt,
    string TargetColumn,
    string PositiveValue,
    string NegativeValue,
    int TrainingRows,
    int TrainingBads,
    string TrainingDataSha256,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, ModelPerformance> Metrics);
