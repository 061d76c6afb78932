using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Linear;

/// <summary>
/// A plain logistic regression on the raw inputs (numbers as they are, categories as level indicators): log-odds of
/// bad = Intercept + Σ term contributions. Immutable and thread-safe.
/// </summary>
public sealed class LogisticModel : IReasonCodeModel
{
    private readonly LogisticTerm[] _terms;
    private readonly double[] _best; // lowest contribution each term can make (the best case for the row)

    /// <summary>Builds the model from its terms.</summary>
    /// <param name="intercept">Log-odds of bad with every input at zero (or its reference level).</param>
    /// <param name="terms">One term per input.</param>
    /// <param name="scale">Points scale for scores and reasons.</param>
    public LogisticModel(double intercept, IReadOnlyList<LogisticTerm> terms, ScoreScale scale)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(scale);
        Intercept = intercept;
        _terms = [.. terms];
        Scale = scale;
        Features = _terms.Select(t => t.Kind == ColumnKind.Numeric ? FeatureSpec.Numeric(t.Name) : FeatureSpec.Categorical(t.Name, t.Levels)).ToList();
        _best = new double[_terms.Length];
        for (var j = 0; j < _terms.Length; j++)
        {
            var t = _terms[j];
            _best[j] = t.Kind == ColumnKind.Numeric
                ? Math.Min(Math.Min(t.Weight * t.Min, t.Weight * t.Max), t.MissingWeight + (t.Weight * t.Fill))
                : Math.Min(t.LevelWeights.DefaultIfEmpty(0).Min(), t.MissingWeight);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FeatureSpec> Features { get; }

    /// <summary>The constant term, log-odds of bad.</summary>
    public double Intercept { get; }

    /// <summary>The terms, in feature order.</summary>
    public IReadOnlyList<LogisticTerm> Terms => _terms;

    /// <summary>Points scale for scores and reasons.</summary>
    public ScoreScale Scale { get; }

    /// <summary>Log-odds of bad for one row. Allocates nothing.</summary>
    /// <param name="row">The inputs in feature order; NaN for missing.</param>
    public double LogOddsOfBad(ReadOnlySpan<double> row)
    {
        var sum = Intercept;
        for (var j = 0; j < _terms.Length; j++)
        {
            sum += Contribution(j, row[j]);
        }

        return sum;
    }

    /// <inheritdoc />
    public double PredictProbability(ReadOnlySpan<double> row) => LogisticRegression.Sigmoid(LogOddsOfBad(row));

    /// <inheritdoc />
    public void PredictProbabilities(FeatureMatrix rows, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (probabilities.Length < rows.Rows)
        {
            throw new ArgumentException($"Room for {probabilities.Length} results but {rows.Rows} rows.", nameof(probabilities));
        }

        for (var r = 0; r < rows.Rows; r++)
        {
            probabilities[r] = PredictProbability(rows.Row(r));
        }
    }

    /// <summary>Reasons are the inputs whose contribution most exceeds the lowest contribution they could make.</summary>
    /// <inheritdoc />
    public int ExplainRow(ReadOnlySpan<double> row, Span<ReasonCode> reasons)
    {
        var count = 0;
        for (var j = 0; j < _terms.Length; j++)
        {
            count = ReasonRanking.Offer(reasons, count, new ReasonCode(j, Scale.Factor * (Contribution(j, row[j]) - _best[j])));
        }

        return count;
    }

    private double Contribution(int j, double value)
    {
        var t = _terms[j];
        if (t.Kind == ColumnKind.Numeric)
        {
            return double.IsNaN(value) ? t.MissingWeight + (t.Weight * t.Fill) : t.Weight * value;
        }

        if (double.IsNaN(value))
        {
            return t.MissingWeight;
        }

        var code = (int)value;
        return code >= 0 && code < t.LevelWeights.Count ? t.LevelWeights[code] : 0;
    }
}
