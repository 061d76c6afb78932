using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Linear;

/// <summary>
/// Trains a plain logistic regression on raw inputs: numeric columns as they are (missing values replaced by the
/// training mean, plus a missing indicator when any were missing), categorical columns as indicators of every level
/// but the most common one (plus a missing indicator when needed).
/// </summary>
public static class LogisticTrainer
{
    /// <summary>Trains the model.</summary>
    /// <param name="data">Checked inputs and outcome.</param>
    /// <param name="l2">L2 penalty on standardised inputs, at least 0; a little (1 by default) keeps rare levels finite.</param>
    /// <param name="scale">Points scale; spec/rating.md's when null.</param>
    public static LogisticModel Train(TrainingSet data, double l2 = 1, ScoreScale? scale = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var design = new List<double[]>();
        var layout = new List<(int Start, int Count, LogisticTerm Draft)>();
        foreach (var column in data.Inputs.Columns)
        {
            var start = design.Count;
            var hasMissing = column.MissingCount > 0;
            if (column.Kind == ColumnKind.Numeric)
            {
                var numbers = column.Numbers;
                double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                var present = 0;
                foreach (var v in numbers)
                {
                    if (!double.IsNaN(v))
                    {
                        sum += v;
                        present++;
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }

                var fill = sum / present;
                var values = new double[numbers.Length];
                for (var r = 0; r < values.Length; r++)
                {
                    values[r] = double.IsNaN(numbers[r]) ? fill : numbers[r];
                }

                design.Add(values);
                if (hasMissing)
                {
                    design.Add(Indicator(column, r => column.IsMissing(r)));
                }

                layout.Add((start, design.Count - start, new LogisticTerm(column.Name, ColumnKind.Numeric, 0, fill, 0, [], [], min, max)));
                continue;
            }

            var counts = new int[column.Levels.Count];
            foreach (var c in column.Codes)
            {
                if (c >= 0)
                {
                    counts[c]++;
                }
            }

            var order = Enumerable.Range(0, counts.Length).Where(l => counts[l] > 0).OrderByDescending(l => counts[l]).ToList();
            var levels = order.Select(l => column.Levels[l]).ToList();
            var codes = column.Codes.ToArray();
            for (var i = 1; i < order.Count; i++)
            {
                var level = order[i];
                design.Add(Indicator(column, r => codes[r] == level));
            }

            if (hasMissing)
            {
                design.Add(Indicator(column, r => codes[r] < 0));
            }

            layout.Add((start, design.Count - start, new LogisticTerm(column.Name, ColumnKind.Categorical, 0, 0, 0, levels, [], 0, 0)));
        }

        var fit = LogisticRegression.Fit(design, data.Target.Labels, l2);
        var terms = new List<LogisticTerm>(layout.Count);
        foreach (var (start, count, draft) in layout)
        {
            var w = fit.Coefficients.AsSpan(start, count);
            if (draft.Kind == ColumnKind.Numeric)
            {
                terms.Add(draft with { Weight = w[0], MissingWeight = count > 1 ? w[1] : 0 });
            }
            else
            {
                var levelWeights = new double[draft.Levels.Count];
                for (var i = 1; i < levelWeights.Length; i++)
                {
                    levelWeights[i] = w[i - 1];
                }

                terms.Add(draft with { LevelWeights = levelWeights, MissingWeight = count > levelWeights.Length - 1 ? w[^1] : 0 });
            }
        }

        return new LogisticModel(fit.Intercept, terms, scale ?? ScoreScale.Default);
    }

    private static double[] Indicator(TableColumn column, Func<int, bool> test)
    {
        var values = new double[column.RowCount];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = test(r) ? 1 : 0;
        }

        return values;
    }
}
