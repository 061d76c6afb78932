using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Modeling;

/// <summary>A trained model with its provenance and measured performance.</summary>
/// <param name="Model">The model.</param>
/// <param name="Provenance">Facts for the model file.</param>
/// <param name="Training">Performance on the rows it was fitted on.</param>
/// <param name="Validation">Performance on the held-out rows; null when nothing was held out.</param>
public sealed record TrainingOutcome(IRiskModel Model, ModelProvenance Provenance, ModelPerformance Training, ModelPerformance? Validation)
{
    /// <summary>ROC, calibration and the PD distribution on the validation part (on the training part when nothing
    /// was held out), for the model page; stored with the model when it is registered.</summary>
    public ValidationCurves? Curves { get; init; }
}
