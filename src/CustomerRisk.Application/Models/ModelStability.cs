using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using CustomerRisk.Modeling.Validation;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Models;

/// <summary>The PSI of a registered model's PD distribution: its validation sample (stored with the model) against the
/// current portfolio scored by the same model as of a date.</summary>
/// <param name="AsOf">The date the portfolio was scored as of.</param>
/// <param name="Comparison">The bands and the PSI.</param>
public sealed record ModelStabilityResult(DateOnly AsOf, StabilityComparison Comparison);

/// <summary>Scores the whole portfolio with one registered model (an assessment that saves nothing, so any model can
/// be compared, not only the active one) and compares the customers' PDs with the model's validation sample, band by
/// band (<see cref="ScoreDistribution.Compare"/>).</summary>
public static class ModelStability
{
    /// <summary>Compares; null when the model has no stored curves or the portfolio has no customer.</summary>
    /// <exception cref="Modeling.ModelingDataException">The model reads inputs `assess` does not compute.</exception>
    public static async Task<ModelStabilityResult?> HandleAsync(RegisteredModel model, DateOnly asOf, IRiskStore store,
        CreditPolicy policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(store);
        if (ModelRegistryUseCases.CurvesOf(model) is not { } curves)
        {
            return null;
        }

        var scoring = ModelRegistryUseCases.Bind(model);
        var result = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(asOf, Save: false), store, policy, clock, null,
            cancellationToken, scoring).ConfigureAwait(false);
        var pds = result.Customers.Where(c => c.Pd is not null).Select(c => (double)c.Pd!.Value).ToArray();
        return pds.Length == 0 ? null : new ModelStabilityResult(asOf, curves.Reference.Compare(pds));
    }
}
