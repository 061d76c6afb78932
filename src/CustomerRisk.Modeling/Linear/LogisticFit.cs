namespace CustomerRisk.Modeling.Linear;

/// <summary>The result of fitting a logistic regression: log-odds of the event = Intercept + Σ Coefficients[j] · x[j].</summary>
/// <param name="Intercept">The constant term, log-odds units.</param>
/// <param name="Coefficients">One coefficient per input, log-odds per unit of the input.</param>
/// <param name="StandardErrors">Standard error of each coefficient, intercept first (length inputs + 1), from the
/// inverse of the (penalised) information matrix.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="Converged">Whether the largest coefficient change fell below the tolerance.</param>
/// <param name="Deviance">−2 · log-likelihood at the solution, at least 0.</param>
public sealed record LogisticFit(
    double Intercept, double[] Coefficients, double[] StandardErrors, int Iterations, bool Converged, double Deviance);
