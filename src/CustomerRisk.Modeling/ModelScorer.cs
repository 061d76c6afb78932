using CustomerRisk.Modeling.Linear;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Trees;

namespace CustomerRisk.Modeling;

/// <summary>Scores a table with any model: points, PD and the top reasons per row.</summary>
public static class ModelScorer
{
    /// <summary>Most reasons reported per row.</summary>
    public const int MaxReasons = 4;

    /// <summary>Scores every row.</summary>
    /// <param name="model">The model.</param>
    /// <param name="table">Rows holding the model's input columns (other columns are ignored).</param>
    /// <exception cref="ModelingDataException">A column the model needs is absent or of the wrong kind.</exception>
    public static IReadOnlyList<ScoredRow> Score(IRiskModel model, ModelingTable table)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        var rows = FeatureMatrix.FromTable(table, model.Features);
        var pd = new double[rows.Rows];
        model.PredictProbabilities(rows, pd);
        var scale = ScaleOf(model);
        var explainer = model as IReasonCodeModel;
        var result = new ScoredRow[rows.Rows];
        Span<ReasonCode> reasons = stackalloc ReasonCode[MaxReasons];
        for (var r = 0; r < rows.Rows; r++)
        {
            var row = rows.Row(r);
            var score = model switch
            {
                Scorecard card => card.Score(row),
                TreeEnsemble ensemble => ensemble.Score(row),
                LogisticModel logistic => scale.ScoreFromLogOddsOfBad(logistic.LogOddsOfBad(row)),
                _ => scale.ScoreFromProbability(pd[r]),
            };
            var count = explainer?.ExplainRow(row, reasons) ?? 0;
            var names = new string[count];
            for (var i = 0; i < count; i++)
            {
                names[i] = model.Features[reasons[i].Feature].Name;
            }

            result[r] = new ScoredRow(score, pd[r], names);
        }

        return result;
    }

    private static ScoreScale ScaleOf(IRiskModel model) => model switch
    {
        Scorecard card => card.Scale,
        TreeEnsemble ensemble => ensemble.Scale,
        LogisticModel logistic => logistic.Scale,
        _ => ScoreScale.Default,
    };
}
