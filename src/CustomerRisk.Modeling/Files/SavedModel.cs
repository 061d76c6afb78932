namespace CustomerRisk.Modeling.Files;

/// <summary>A model read back from its file, with its provenance.</summary>
/// <param name="Model">The model, ready to score.</param>
/// <param name="Provenance">Where it came from.</param>
public sealed record SavedModel(IRiskModel Model, ModelProvenance Provenance);
