using CustomerRisk.Modeling.Binning;

namespace CustomerRisk.Modeling.Linear;

/// <summary>
/// Trains a WoE scorecard the way the R <c>scorecard</c> package's pipeline does: screen variables
/// (<see cref="VariableFilter"/>), bin the survivors (<see cref="WoeBinner.Bin"/>), fit a logistic regression on the
/// WoE values, and scale to points. Inputs whose WoE weight comes out zero or negative (a sign of collinearity) are
/// dropped one at a time and the model refitted, so every bin's points move the expected way.
/// </summary>
public static class ScorecardTrainer
{
    /// <summary>Trains a scorecard.</summary>
    /// <param name="data">Checked inputs and outcome.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="ModelingDataException">No input survives screening and binning.</exception>
    public static ScorecardTraining Train(TrainingSet data, ScorecardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ScorecardOptions();
        var labels = data.Target.Labels;
        var screens = VariableFilter.Screen(data.Inputs, data.TargetColumn, labels, options.Filter);
        var kept = screens.Where(s => s.Kept).Select(s => data.Inputs.Column(s.Variable)).ToList();
        var candidates = new VariableBinning[kept.Count];
        Parallel.For(0, kept.Count, i => candidates[i] = WoeBinner.Bin(kept[i], labels, options.Binning));
        var dropped = new Dictionary<string, string>(StringComparer.Ordinal);
        var chosen = new List<int>();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].InformationValue < options.MinBinnedInformationValue)
            {
                dropped[candidates[i].Variable] = "binned_iv";
            }
            else
            {
                chosen.Add(i);
            }
        }

        var woe = candidates.Select((b, i) => WoeColumn(b, kept[i])).ToArray();
        while (true)
        {
            if (chosen.Count == 0)
            {
                throw new ModelingDataException(
                    "No input has enough information value to build a scorecard (every input was screened out).");
            }

            var fit = LogisticRegression.Fit(chosen.Select(i => woe[i]).ToList(), labels, options.L2);
            var worst = -1;
            for (var j = 0; j < chosen.Count; j++)
            {
                if (fit.Coefficients[j] <= 0 && (worst < 0 || fit.Coefficients[j] < fit.Coefficients[worst]))
                {
                    worst = j;
                }
            }

            if (worst < 0)
            {
                var scorecard = new Scorecard(chosen.Select(i => candidates[i]).ToList(), fit.Intercept, fit.Coefficients, options.Scale);
                return new ScorecardTraining(scorecard, screens, candidates, fit, dropped);
            }

            dropped[candidates[chosen[worst]].Variable] = "sign";
            chosen.RemoveAt(worst);
        }
    }

    private static double[] WoeColumn(VariableBinning binning, Tables.TableColumn column)
    {
        var values = new double[column.RowCount];
        for (var r = 0; r < values.Length; r++)
        {
            var bin = binning.BinIndexOf(column, r);
            values[r] = bin < 0 ? 0 : binning.Bins[bin].Woe;
        }

        return values;
    }
}
