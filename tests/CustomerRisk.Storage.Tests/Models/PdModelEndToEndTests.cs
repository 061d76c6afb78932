using System.Globalization;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Demo;
using CustomerRisk.Application.Import;
using CustomerRisk.Application.Models;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;
using CustomerRisk.Policy;
using CustomerRisk.Storage.Models;
using Xunit.Abstractions;

namespace CustomerRisk.Storage.Tests.Models;

/// <summary>The customer PD model end to end on a generated demo portfolio (docs/modeling.md records the figures):
/// demo → import → training table → scorecard and boosted trees trained on the earlier snapshots → measured on the
/// latest snapshot against the expert scorecard → registered, activated and used by assess.</summary>
public sealed class PdModelEndToEndTests(ITestOutputHelper output)
{
    private const int Customers = 400;
    private static readonly DateOnly DemoAsOf = new(2025, 6, 30);
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] NonInputs = [.. TrainingTable.NonInputColumns];

    [Fact]
    public async Task TrainedModels_BeatChance_OutOfTime_ReproduceWithTheSeed_AndReplaceTheExpertScoreInAssess()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        var demo = Path.Combine(Path.GetTempPath(), "crisk-pd-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            await DemoPortfolio.HandleAsync(new DemoPortfolioRequest { OutFolder = demo, Customers = Customers, Seed = 42, AsOf = DemoAsOf }, null, CancellationToken.None);
            var imported = await ImportLedger.HandleAsync(new ImportLedgerRequest([demo], null, null), test.Store, null, CancellationToken.None);
            Assert.Equal(0, imported.Rejected);
        }
        finally
        {
            Directory.Delete(demo, recursive: true);
        }

        var built = await BuildTrainingTable.HandleAsync(new BuildTrainingTableRequest(), test.Store, CreditPolicy.Default, CancellationToken.None);
        var csv = built.ToCsv();
        var again = await BuildTrainingTable.HandleAsync(new BuildTrainingTableRequest(), test.Store, CreditPolicy.Default, CancellationToken.None);
        Assert.Equal(csv, again.ToCsv()); // the table is a function of the store

        Assert.Equal(DemoAsOf, built.DataEnd);
        Assert.Equal(new DateOnly(2024, 6, 30), built.Snapshots[^1]); // the last month end with 12 months after it
        var table = CsvTableReader.Parse(csv);
        var latest = built.Snapshots[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var asOf = table.Column("as_of");
        var earlier = Enumerable.Range(0, table.RowCount).Where(r => asOf.TextAt(r) != latest).ToArray();
        var later = Enumerable.Range(0, table.RowCount).Where(r => asOf.TextAt(r) == latest).ToArray();
        var train = table.SelectRows(earlier);
        var holdout = table.SelectRows(later);
        var holdoutLabels = BinaryTarget.FromColumn(holdout.Column(TrainingTable.LabelColumn), "1").Labels;
        var expertAuc = ClassificationMetrics.Auc(holdout.Column("expert_pd").Numbers, holdoutLabels);

        var lines = new List<string>
        {
            $"demo {Customers} customers, seed 42, as of {DemoAsOf:yyyy-MM-dd}; snapshots {built.Snapshots[0]:yyyy-MM-dd}..{built.Snapshots[^1]:yyyy-MM-dd} ({built.Snapshots.Count})",
            $"table {built.Rows.Count} rows, {built.Bads} bad; training {earlier.Length} rows ({train.Column(TrainingTable.LabelColumn).Numbers.ToArray().Count(v => v == 1)} bad), out-of-time {later.Length} rows ({holdoutLabels.Count(l => l == 1)} bad)",
            $"dropped inputs: {string.Join(", ", built.DroppedInputs)}",
            $"expert scorecard out-of-time AUC {expertAuc:F4}",
        };
        foreach (var algorithm in new[] { ModelAlgorithm.Scorecard, ModelAlgorithm.GradientBoosting })
        {
            var request = new TrainingRequest { Algorithm = algorithm, TargetColumn = TrainingTable.LabelColumn, IgnoredColumns = NonInputs, Seed = 42 };
            var outcome = ModelTrainer.Train(train, request, TrainedAt);
            var repeat = ModelTrainer.Train(train, request, TrainedAt);
            Assert.Equal(ModelFile.Serialize(outcome.Model, outcome.Provenance), ModelFile.Serialize(repeat.Model, repeat.Provenance));

            var outOfTime = ModelTrainer.Evaluate(outcome.Model, holdout, TrainingTable.LabelColumn, "1");
            lines.Add($"{TrainingRequest.Code(algorithm)}: validation AUC {outcome.Validation!.Auc:F4}, out-of-time AUC {outOfTime.Auc:F4}, KS {outOfTime.Ks:F4}, Brier {outOfTime.Brier:F4}, inputs {outcome.Model.Features.Count}");
            Assert.True(outOfTime.Auc > 0.5, $"{algorithm} out-of-time AUC {outOfTime.Auc}");

            if (algorithm == ModelAlgorithm.GradientBoosting)
            {
                await AssessWithTheModelAsync(test, ModelFile.Serialize(outcome.Model, outcome.Provenance));
            }
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    private static async Task AssessWithTheModelAsync(TestStore test, string modelJson)
    {
        await using var registry = ModelRegistryStore.Open(test.Db);
        var registered = await ModelRegistryUseCases.RegisterAsync(registry, modelJson, TrainedAt, CancellationToken.None);
        await ModelRegistryUseCases.ActivateAsync(registry, registered.ModelId, null, CancellationToken.None);
        var model = await ModelRegistryUseCases.LoadActiveAsync(registry, CancellationToken.None);
        Assert.NotNull(model);

        var expert = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(DemoAsOf, Save: false), test.Store, CreditPolicy.Default, test.Clock, null, CancellationToken.None);
        var trained = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(DemoAsOf), test.Store, CreditPolicy.Default, test.Clock, null, CancellationToken.None, model);

        Assert.Equal("expert_scorecard", expert.Run.ScoreModel);
        Assert.Equal($"{registered.ModelId}@1", trained.Run.ScoreModel);
        Assert.Equal(Customers, trained.Customers.Count);
        Assert.All(trained.Customers, c =>
        {
            Assert.Equal(trained.Run.ScoreModel, c.ScoreModel);
            Assert.InRange(c.CreditScore!.Value, 300, 900);
            Assert.InRange(c.Pd!.Value, 0m, 1m);
        });
        // The model's PDs are not the expert's, and the riskier half by the model owes more overdue money.
        Assert.Contains(trained.Customers.Zip(expert.Customers), p => p.First.Pd != p.Second.Pd);
        var byPd = trained.Customers.OrderByDescending(c => c.Pd).ToList();
        Assert.True(byPd.Take(Customers / 2).Sum(c => c.OverdueAr) > byPd.Skip(Customers / 2).Sum(c => c.OverdueAr));
        Assert.Contains(trained.Customers, c => c.ScoreReasons.Count > 0);
        Assert.Equal($"{registered.ModelId}@1", (await test.QueryAsync("SELECT score_model FROM assessment_runs")).Single()[0]);
    }
}
