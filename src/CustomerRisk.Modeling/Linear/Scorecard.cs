using CustomerRisk.Modeling.Binning;
using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Linear;

/// <summary>
/// A points scorecard: each input is binned, each bin carries a weight of evidence (WoE), and a logistic regression on
/// the WoE values gives the log-odds of bad = Intercept + Σ Coefficient_j · WoE_j(bin). On the <see cref="ScoreScale"/>
/// every bin is worth −Factor · Coefficient_j · WoE_j points on top of <see cref="BasePoints"/>, so the score is
/// the sum of the row's bin points (clipped to the scale's range). A missing value, or a level never seen in training,
/// takes the missing bin, or 0 points (WoE 0, the population average) when training had no missing value.
/// Immutable and thread-safe.
/// </summary>
public sealed class Scorecard : IReasonCodeModel
{
    private readonly int[] _slotOffset;   // first slot of each variable
    private readonly int[] _missingSlot;  // slot for missing / unknown values of each variable
    private readonly double[][] _cuts;    // numeric: upper bounds of all range bins but the last
    private readonly int[][] _levelSlot;  // categorical: slot of each level code
    private readonly double[] _logOdds;   // Coefficient · WoE per slot
    private readonly double[] _points;    // points per slot
    private readonly double[] _bestPoints; // most points a variable can give among bins seen in training

    /// <summary>Builds a scorecard from its bins and fitted weights.</summary>
    /// <param name="binnings">One binning per input.</param>
    /// <param name="intercept">Logistic intercept, log-odds of bad.</param>
    /// <param name="coefficients">Logistic weight of each input's WoE, same order as <paramref name="binnings"/>.</param>
    /// <param name="scale">The points scale.</param>
    public Scorecard(IReadOnlyList<VariableBinning> binnings, double intercept, IReadOnlyList<double> coefficients, ScoreScale scale)
    {
        ArgumentNullException.ThrowIfNull(binnings);
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(scale);
        if (binnings.Count != coefficients.Count)
        {
            throw new ArgumentException($"{coefficients.Count} coefficients for {binnings.Count} variables.", nameof(coefficients));
        }

        Binnings = [.. binnings];
        Coefficients = [.. coefficients];
        Intercept = intercept;
        Scale = scale;
        var v = binnings.Count;
        _slotOffset = new int[v];
        _missingSlot = new int[v];
        _cuts = new double[v][];
        _levelSlot = new int[v][];
        _bestPoints = new double[v];
        var features = new FeatureSpec[v];
        var slots = 0;
        for (var j = 0; j < v; j++)
        {
            _slotOffset[j] = slots;
            slots += binnings[j].Bins.Count + (binnings[j].MissingBinIndex < 0 ? 1 : 0);
        }

        _logOdds = new double[slots];
        _points = new double[slots];
        for (var j = 0; j < v; j++)
        {
            var binning = binnings[j];
            var offset = _slotOffset[j];
            var missingIndex = binning.MissingBinIndex;
            _missingSlot[j] = offset + (missingIndex >= 0 ? missingIndex : binning.Bins.Count);
            var best = double.NegativeInfinity;
            for (var b = 0; b < binning.Bins.Count; b++)
            {
                _logOdds[offset + b] = coefficients[j] * binning.Bins[b].Woe;
                _points[offset + b] = -scale.Factor * _logOdds[offset + b];
                if (binning.Bins[b].Count > 0)
                {
                    best = Math.Max(best, _points[offset + b]);
                }
            }

            _bestPoints[j] = double.IsNegativeInfinity(best) ? 0 : best;
            if (binning.Kind == ColumnKind.Numeric)
            {
                var ranges = binning.Bins.Where(b => b.Kind == BinKind.Range).ToList();
                _cuts[j] = ranges.Take(Math.Max(0, ranges.Count - 1)).Select(b => b.Upper).ToArray();
                _levelSlot[j] = [];
                features[j] = FeatureSpec.Numeric(binning.Variable);
            }
            else
            {
                var levels = new List<string>();
                var levelSlots = new List<int>();
                for (var b = 0; b < binning.Bins.Count; b++)
                {
                    foreach (var level in binning.Bins[b].Levels)
                    {
                        levels.Add(level);
                        levelSlots.Add(offset + b);
                    }
                }

                _cuts[j] = [];
                _levelSlot[j] = [.. levelSlots];
                features[j] = FeatureSpec.Categorical(binning.Variable, levels);
            }
        }

        Features = features;
    }

    /// <inheritdoc />
    public IReadOnlyList<FeatureSpec> Features { get; }

    /// <summary>The bins of each input, in feature order.</summary>
    public IReadOnlyList<VariableBinning> Binnings { get; }

    /// <summary>The logistic weight of each input's WoE, in feature order.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The logistic intercept, log-odds of bad.</summary>
    public double Intercept { get; }

    /// <summary>The points scale.</summary>
    public ScoreScale Scale { get; }

    /// <summary>Points every row starts with: Offset − Factor · Intercept.</summary>
    public double BasePoints => Scale.Offset - (Scale.Factor * Intercept);

    /// <summary>The points a bin is worth: −Factor · Coefficient · WoE.</summary>
    /// <param name="variable">Input index.</param>
    /// <param name="bin">Bin index in that input's binning.</param>
    public double PointsOf(int variable, int bin) => _points[_slotOffset[variable] + bin];

    /// <summary>The log-odds of bad for one row. Allocates nothing.</summary>
    /// <param name="row">The row's inputs in feature order; NaN for missing.</param>
    public double LogOddsOfBad(ReadOnlySpan<double> row)
    {
        var sum = Intercept;
        for (var j = 0; j < _slotOffset.Length; j++)
        {
            sum += _logOdds[Slot(j, row[j])];
        }

        return sum;
    }

    /// <inheritdoc />
    public double PredictProbability(ReadOnlySpan<double> row) => LogisticRegression.Sigmoid(LogOddsOfBad(row));

    /// <summary>The row's score in points, clipped to the scale. Allocates nothing.</summary>
    /// <param name="row">The row's inputs in feature order; NaN for missing.</param>
    public double Score(ReadOnlySpan<double> row) => Scale.ScoreFromLogOddsOfBad(LogOddsOfBad(row));

    /// <inheritdoc />
    public void PredictProbabilities(FeatureMatrix rows, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckShape(rows, probabilities);
        var values = rows.Values;
        var width = rows.Columns;
        for (var r = 0; r < rows.Rows; r++)
        {
            probabilities[r] = LogisticRegression.Sigmoid(LogOddsOfBad(values.AsSpan(r * width, width)));
        }
    }

    /// <summary>Scores every row in points, clipped to the scale.</summary>
    /// <param name="rows">The inputs.</param>
    /// <param name="scores">Receives one score per row.</param>
    public void Scores(FeatureMatrix rows, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckShape(rows, scores);
        var values = rows.Values;
        var width = rows.Columns;
        for (var r = 0; r < rows.Rows; r++)
        {
            scores[r] = Scale.ScoreFromLogOddsOfBad(LogOddsOfBad(values.AsSpan(r * width, width)));
        }
    }

    /// <summary>
    /// Reasons are the inputs whose bin gave the fewest points compared with that input's best bin (among bins seen
    /// in training), largest shortfall first.
    /// </summary>
    /// <inheritdoc />
    public int ExplainRow(ReadOnlySpan<double> row, Span<ReasonCode> reasons)
    {
        var count = 0;
        for (var j = 0; j < _slotOffset.Length; j++)
        {
            var lost = _bestPoints[j] - _points[Slot(j, row[j])];
            count = ReasonRanking.Offer(reasons, count, new ReasonCode(j, lost));
        }

        return count;
    }

    private static void CheckShape(FeatureMatrix rows, Span<double> output)
    {
        if (output.Length < rows.Rows)
        {
            throw new ArgumentException($"Room for {output.Length} results but {rows.Rows} rows.", nameof(output));
        }
    }

    private int Slot(int variable, double value)
    {
        if (double.IsNaN(value))
        {
            return _missingSlot[variable];
        }

        var levels = _levelSlot[variable];
        if (levels.Length > 0)
        {
            var code = (int)value;
            return code >= 0 && code < levels.Length && code == value ? levels[code] : _missingSlot[variable];
        }

        var cuts = _cuts[variable];
        var bin = 0;
        while (bin < cuts.Length && value >= cuts[bin])
        {
            bin++;
        }

        return _slotOffset[variable] + bin;
    }
}
