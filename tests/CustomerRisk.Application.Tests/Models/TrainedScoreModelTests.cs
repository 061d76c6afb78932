using CustomerRisk.Analytics;
using CustomerRisk.Application.Models;
using CustomerRisk.Domain;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Policy;
using static CustomerRisk.Application.Tests.Models.PdLedger;

namespace CustomerRisk.Application.Tests.Models;

public sealed class TrainedScoreModelTests
{
    private static readonly DateOnly T = D("2024-06-30");

    [Fact]
    public void Score_IsTheModelsPd_OnThePolicyScale_WithTheModelsNameAndReasons()
    {
        var (model, _) = Train(ModelAlgorithm.GradientBoosting);
        var bound = new TrainedScoreModel(model, "gbdt-abc", 3);
        var ledger = LateLedger();
        var now = IndicatorCalculator.Compute(ledger, T, IndicatorPolicy.Default);
        var inputs = ExpertScoreInputs.From(ledger, now, T);

        var result = bound.Score(ledger, now, inputs, CreditPolicy.Default);

        var values = new double[PdFeatures.Count];
        PdFeatures.Fill(ledger.Customer, now, inputs.HistoryMonths, values);
        var row = model.Features.Select(f => f.Kind == ColumnKind.Categorical
            ? f.Levels.ToList().IndexOf(PdFeatures.ProductFocusLevels[(int)values[PdFeatures.IndexOf(f.Name)]])
            : values[PdFeatures.IndexOf(f.Name)]).ToArray();
        Assert.Equal((decimal)model.PredictProbability(row), result.Pd);
        Assert.Equal(CreditPolicy.Default.ScoreScale.ScoreOf(result.Pd), result.Score);
        Assert.Equal("gbdt-abc@3", result.Source);
        Assert.Equal("gbdt-abc@3", bound.Name);
        Assert.NotEmpty(result.Reasons);
        Assert.All(result.Reasons, r => Assert.True(r.PointsLost > 0));
        Assert.Contains(result.Reasons, r => r.Metric is "max_days_late" or "oldest_dpd" or "product_focus");
    }

    [Fact]
    public void ScoreScale_GivesTheSpecsAnchor_600AtOdds50To1()
    {
        // PD 1/51 is good:bad odds of 50:1: 600 points on the default scale.
        Assert.Equal(600m, Math.Round(CreditPolicy.Default.ScoreScale.ScoreOf(1m / 51m), 6));
    }

    [Fact]
    public void ProbabilityOfDefault_AllocatesNothing()
    {
        var (model, _) = Train(ModelAlgorithm.GradientBoosting);
        var bound = new TrainedScoreModel(model, "gbdt-abc", 1);
        var ledger = LateLedger();
        var now = IndicatorCalculator.Compute(ledger, T, IndicatorPolicy.Default);
        var inputs = new double[PdFeatures.Count];
        var row = new double[model.Features.Count];
        double sink = 0;
        long allocated = 0;
        for (var warm = 0; warm < 2; warm++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                PdFeatures.Fill(ledger.Customer, now, 12, inputs);
                sink += bound.ProbabilityOfDefault(inputs, row);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void Binding_RefusesAModelThatReadsAnInputAssessDoesNotCompute()
    {
        var table = new ModelingTable([
            TableColumn.Numeric("shoe_size", Enumerable.Range(0, 200).Select(i => (double)(i % 13)).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, 200).Select(i => i % 13 > 8 ? 1.0 : 0.0).ToArray()),
        ]);
        var model = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "y", ValidationFraction = 0 }, DateTimeOffset.UnixEpoch).Model;

        var e = Assert.Throws<ModelingDataException>(() => new TrainedScoreModel(model, "logistic-x", 1));

        Assert.Contains("'shoe_size'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_RefusesAnInputReadAsTheWrongKind()
    {
        var levels = new[] { "a", "b" };
        var table = new ModelingTable([
            TableColumn.Categorical("max_days_late", Enumerable.Range(0, 200).Select(i => i % 2).ToArray(), levels),
            TableColumn.Numeric("x", Enumerable.Range(0, 200).Select(i => (double)(i % 7)).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1.0 : 0.0).ToArray()),
        ]);
        var model = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "y", ValidationFraction = 0, IgnoredColumns = ["x"] }, DateTimeOffset.UnixEpoch).Model;

        var e = Assert.Throws<ModelingDataException>(() => new TrainedScoreModel(model, "logistic-x", 1));

        Assert.Contains("max_days_late", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductFocusLevels_AreMatchedByName_AndAnUnknownOneIsMissing()
    {
        // A model that knows only "equal" and "exclusive" (in that order): MainlyOurs is unknown to it → missing.
        var (model, _) = Train(ModelAlgorithm.GradientBoosting, focusLevels: ["equal", "exclusive"]);
        var bound = new TrainedScoreModel(model, "gbdt-focus", 1);
        var inputs = new double[PdFeatures.Count];
        Array.Fill(inputs, double.NaN);
        var row = new double[model.Features.Count];
        var focusAt = model.Features.ToList().FindIndex(f => f.Name == PdFeatures.ProductFocusName);

        inputs[PdFeatures.ProductFocusIndex] = (int)ProductFocus.Exclusive;
        bound.ProbabilityOfDefault(inputs, row);
        Assert.Equal(model.Features[focusAt].Levels.ToList().IndexOf("exclusive"), row[focusAt]);
        Assert.Equal(2, model.Features[focusAt].Levels.Count);
        inputs[PdFeatures.ProductFocusIndex] = (int)ProductFocus.MainlyOurs;
        bound.ProbabilityOfDefault(inputs, row);
        Assert.True(double.IsNaN(row[focusAt]));
    }

    private static CustomerLedger LateLedger()
    {
        var invoices = new List<InvoiceLine>();
        var payments = new List<(DateOnly, decimal, int)>();
        for (var m = 0; m < 18; m++)
        {
            var issue = D("2023-01-05").AddMonths(m);
            invoices.Add(new InvoiceLine(issue, issue.AddDays(30), 1000m));
            payments.Add((issue.AddDays(30 + 100), 1000m, invoices.Count - 1));
        }

        return Build(invoices, payments);
    }

    /// <summary>A model on two PD inputs and product focus, trained on made-up rows where lateness is risky.</summary>
    private static (IRiskModel Model, ModelingTable Table) Train(ModelAlgorithm algorithm, string[]? focusLevels = null)
    {
        focusLevels ??= ["exclusive", "mainly_ours", "equal", "mainly_competitor"];
        var random = new Random(11);
        const int n = 1500;
        var late = new double[n];
        var dpd = new double[n];
        var focus = new int[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            late[i] = random.Next(0, 120);
            dpd[i] = random.Next(0, 60);
            focus[i] = random.Next(0, focusLevels.Length);
            y[i] = random.NextDouble() < 0.02 + (late[i] / 200) + (focus[i] == 0 ? 0.1 : 0) ? 1 : 0;
        }

        var table = new ModelingTable([
            TableColumn.Categorical(PdFeatures.ProductFocusName, focus, focusLevels),
            TableColumn.Numeric("max_days_late", late),
            TableColumn.Numeric("oldest_dpd", dpd),
            TableColumn.Numeric("default_12m", y),
        ]);
        var model = ModelTrainer.Train(table, new TrainingRequest
        {
            Algorithm = algorithm, TargetColumn = "default_12m", Trees = 30, MaxDepth = 3, ValidationFraction = 0,
        }, DateTimeOffset.UnixEpoch).Model;
        return (model, table);
    }
}
