namespace CustomerRisk.Modeling;

/// <summary>
/// A trained model that gives the probability of the bad outcome for a row of inputs. Implementations are immutable
/// and safe to call from many threads at once.
/// </summary>
public interface IRiskModel
{
    /// <summary>The inputs the model reads, in row order.</summary>
    IReadOnlyList<FeatureSpec> Features { get; }

    /// <summary>The probability of the bad outcome for one row, 0–1. Allocates nothing.</summary>
    /// <param name="row">The row's inputs in the order of <see cref="Features"/>; NaN for missing.</param>
    double PredictProbability(ReadOnlySpan<double> row);

    /// <summary>The probability of the bad outcome for every row, 0–1.</summary>
    /// <param name="rows">The inputs.</param>
    /// <param name="probabilities">Receives one probability per row; length at least <c>rows.Rows</c>.</param>
    void PredictProbabilities(FeatureMatrix rows, Span<double> probabilities);
}
