using CustomerRisk.Application.Models;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Storage.Models;

namespace CustomerRisk.Storage.Tests.Models;

/// <summary>The validation curves stored with a registered model (column validation_curves) on both databases.</summary>
public sealed class ModelCurvesStoreTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Curves_RegisteredWithAModel_ReadBackEqual_AndAFileAloneHasNone(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var registry = ModelRegistryStore.Open(test.Db);
        var random = new Random(4);
        var x = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();
        var y = x.Select(v => random.NextDouble() < v ? 1.0 : 0.0).ToArray();
        var outcome = ModelTrainer.Train(new ModelingTable([TableColumn.Numeric("overdue_share", x), TableColumn.Numeric("bad", y)]),
            new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "bad" }, DateTimeOffset.UnixEpoch);
        var file = ModelFile.Serialize(outcome.Model, outcome.Provenance);

        var with = await ModelRegistryUseCases.RegisterAsync(registry, file, DateTimeOffset.UnixEpoch, default, outcome.Curves);
        var without = await ModelRegistryUseCases.RegisterAsync(registry, file, DateTimeOffset.UnixEpoch, default);

        var curves = ModelRegistryUseCases.CurvesOf((await registry.ReadAsync(with.ModelId, with.Version))!)!;
        Assert.Equal(outcome.Curves!.Roc, curves.Roc);
        Assert.Equal(outcome.Curves.Calibration, curves.Calibration);
        Assert.Equal(outcome.Curves.Reference.Cuts, curves.Reference.Cuts);
        Assert.Equal(outcome.Curves.Reference.Counts, curves.Reference.Counts);
        Assert.Equal(outcome.Curves.Auc, curves.Auc);
        Assert.Null(ModelRegistryUseCases.CurvesOf((await registry.ReadAsync(without.ModelId, without.Version))!));
        Assert.Equal([true, false], (await registry.ListAsync()).Select(m => m.CurvesJson is not null));
    }
}
