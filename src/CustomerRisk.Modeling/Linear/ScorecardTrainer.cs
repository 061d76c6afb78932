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
        DropDuplicates(chosen, candidates, woe, dropped);
        while (true)
        {
            if (chosen.Count == 0)
            {
                throw new ModelingDataException(
                    "No input has enough information value to build a scorecard (every input was screened out).");
            }

            LogisticFit fit;
            try
            {
                fit = LogisticRegression.Fit(chosen.Select(i => woe[i]).ToList(), labels, options.L2);
            }
            catch (ModelingDataException) when (chosen.Count > 1)
            {
                // Collinear WoE columns (bins of two inputs that coincide in combination): the input with the least
                // information goes, as R scorecard users would drop it by hand.
                var weakest = chosen.MinBy(i => candidates[i].InformationValue);
                dropped[candidates[weakest].Variable] = "collinear";
                chosen.Remove(weakest);
                continue;
            }

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

    /// <summary>Drops an input whose WoE column is the same as (or perfectly correlated with) that of an input with
    /// more information value, such as exposure when no order is open and it equals open receivables.</summary>
    private static void DropDuplicates(List<int> chosen, VariableBinning[] candidates, double[][] woe, Dictionary<string, string> dropped)
    {
        var byInformation = chosen.OrderByDescending(i => candidates[i].InformationValue).ToList();
        var keep = new List<int>();
        foreach (var i in byInformation)
        {
            if (keep.Any(k => Math.Abs(Correlation(woe[k], woe[i])) > 1 - 1e-9))
            {
                dropped[candidates[i].Variable] = "duplicate";
                chosen.Remove(i);
            }
            else
            {
                keep.Add(i);
            }
        }
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = 0, my = 0;
        for (var r = 0; r < x.Length; r++)
        {
            mx += x[r];
            my += y[r];
        }

        mx /= x.Length;
        my /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var r = 0; r < x.Length; r++)
        {
            sxy += (x[r] - mx) * (y[r] - my);
            sxx += (x[r] - mx) * (x[r] - mx);
            syy += (y[r] - my) * (y[r] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
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
