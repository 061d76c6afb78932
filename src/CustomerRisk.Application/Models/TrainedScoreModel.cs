using CustomerRisk.Analytics;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Models;

/// <summary>
/// A trained PD model bound to <see cref="PdFeatures"/>: each of the model's inputs is found by name among the PD
/// inputs (product focus levels matched by name; a level the model never saw is missing), once, when the model is
/// loaded. Scoring fills the inputs on the stack, so a customer costs no allocation but its result.
/// </summary>
public sealed class TrainedScoreModel : ICreditScoreModel
{
    private const int MaxStackInputs = 256;
    private readonly IRiskModel _model;
    private readonly IReasonCodeModel? _explainer;
    private readonly int[] _source;          // per model input: its index in the PD inputs
    private readonly double[][] _levelCodes; // per model input: PD product-focus code → model code (NaN unknown); empty when numeric
    private readonly ScoreReason[] _noReasons = [];

    /// <summary>Binds a model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="modelId">Its id in the registry.</param>
    /// <param name="version">Its version in the registry.</param>
    /// <exception cref="ModelingDataException">The model reads an input that the PD inputs do not hold, or reads one
    /// with another kind, or has too many inputs.</exception>
    public TrainedScoreModel(IRiskModel model, string modelId, int version)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _model = model;
        _explainer = model as IReasonCodeModel;
        ModelId = modelId;
        Version = version;
        var features = model.Features;
        if (features.Count > MaxStackInputs)
        {
            throw new ModelingDataException($"The model reads {features.Count} inputs; a PD model reads at most {MaxStackInputs}.");
        }

        _source = new int[features.Count];
        _levelCodes = new double[features.Count][];
        for (var f = 0; f < features.Count; f++)
        {
            var spec = features[f];
            var index = PdFeatures.IndexOf(spec.Name);
            if (index < 0)
            {
                throw new ModelingDataException(
                    $"Model {modelId} reads '{spec.Name}', which is not a PD model input (see 'crisk model build-table'); it cannot score customers in assess.");
            }

            var categorical = index == PdFeatures.ProductFocusIndex;
            if (categorical != (spec.Kind == ColumnKind.Categorical))
            {
                throw new ModelingDataException(
                    $"Model {modelId} reads '{spec.Name}' as {(spec.Kind == ColumnKind.Categorical ? "categories" : "numbers")}, but it is {(categorical ? "categorical" : "numeric")}.");
            }

            _source[f] = index;
            _levelCodes[f] = categorical
                ? PdFeatures.ProductFocusLevels.Select(level => IndexOf(spec.Levels, level)).ToArray()
                : [];
        }
    }

    /// <summary>The model's id.</summary>
    public string ModelId { get; }

    /// <summary>The model's version in the registry.</summary>
    public int Version { get; }

    /// <inheritdoc />
    public string Name => $"{ModelId}@{Version}";

    /// <summary>The model's PD for one customer's inputs (in <see cref="PdFeatures.Names"/> order). Allocates nothing.</summary>
    /// <param name="inputs">The PD inputs.</param>
    /// <param name="row">Receives the model's row; length at least the model's input count.</param>
    public double ProbabilityOfDefault(ReadOnlySpan<double> inputs, Span<double> row)
    {
        Lay(inputs, row);
        return _model.PredictProbability(row[.._source.Length]);
    }

    /// <inheritdoc />
    public CreditScoreResult Score(CustomerLedger ledger, CustomerIndicators now, ScoreInputs inputs, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        Span<double> values = stackalloc double[PdFeatures.Count];
        PdFeatures.Fill(ledger.Customer, now, inputs.HistoryMonths, values);
        Span<double> row = stackalloc double[_source.Length];
        var pd = ProbabilityOfDefault(values, row);
        Span<ReasonCode> codes = stackalloc ReasonCode[CreditScorer.ReasonCount];
        var count = _explainer?.ExplainRow(row, codes) ?? 0;

        // The score is the policy's scale applied to the model's PD; a PD of exactly 0 or 1 takes the scale's end.
        var scale = policy.ScoreScale;
        var probability = (decimal)pd;
        var score = probability <= 0m ? scale.MaxScore : probability >= 1m ? scale.MinScore : scale.ScoreOf(probability);
        var reasons = count == 0 ? _noReasons : new ScoreReason[count];
        for (var i = 0; i < count; i++)
        {
            var f = codes[i].Feature;
            var source = _source[f];
            var value = values[source];
            reasons[i] = new ScoreReason(
                _model.Features[f].Name,
                PdFeatures.LabelOf(source),
                "raises the risk in the trained model",
                double.IsNaN(value) || source == PdFeatures.ProductFocusIndex ? null : Math.Round((decimal)value, 4),
                Math.Round((decimal)codes[i].PointsLost, 1));
        }

        return new CreditScoreResult(score, probability, reasons, [], score, policy.Version) { Source = Name };
    }

    private void Lay(ReadOnlySpan<double> inputs, Span<double> row)
    {
        for (var f = 0; f < _source.Length; f++)
        {
            var v = inputs[_source[f]];
            var levels = _levelCodes[f];
            row[f] = levels.Length == 0 || double.IsNaN(v) ? v : levels[(int)v];
        }
    }

    private static double IndexOf(IReadOnlyList<string> levels, string level)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] == level)
            {
                return i;
            }
        }

        return double.NaN;
    }
}
