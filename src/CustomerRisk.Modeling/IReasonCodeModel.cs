namespace CustomerRisk.Modeling;

/// <summary>A model that can say which inputs pulled a row's score down most.</summary>
public interface IReasonCodeModel : IRiskModel
{
    /// <summary>
    /// Writes the inputs that cost the row the most points, largest first, into <paramref name="reasons"/>; only
    /// inputs that cost more than 0 points are written. Allocates nothing.
    /// </summary>
    /// <param name="row">The row's inputs in the order of <see cref="IRiskModel.Features"/>.</param>
    /// <param name="reasons">Receives up to its length in reasons (4 is usual).</param>
    /// <returns>The number of reasons written.</returns>
    int ExplainRow(ReadOnlySpan<double> row, Span<ReasonCode> reasons);
}
