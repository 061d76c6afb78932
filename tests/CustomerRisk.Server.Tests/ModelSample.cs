using CustomerRisk.Application.Models;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Storage.Models;

namespace CustomerRisk.Server.Tests;

/// <summary>A logistic PD model the fixtures register: trained on 600 generated rows of three PD inputs
/// (overdue_share, max_days_late, dso) and registered twice, with its validation curves (version 1) and from its file
/// alone (version 2, without curves).</summary>
public static class ModelSample
{
    public static string ModelId { get; private set; } = "";

    public static async Task RegisterAsync(string db, TimeProvider clock)
    {
        const int rows = 600;
        var random = new Random(3);
        var overdue = new double[rows];
        var late = new double[rows];
        var dso = new double[rows];
        var bad = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            overdue[i] = random.NextDouble();
            late[i] = random.Next(0, 120);
            dso[i] = 20 + random.Next(0, 100);
            var p = 1 / (1 + Math.Exp(-(-4 + (3 * overdue[i]) + (0.02 * late[i]))));
            bad[i] = random.NextDouble() < p ? 1 : 0;
        }

        var table = new ModelingTable([
            TableColumn.Numeric("overdue_share", overdue), TableColumn.Numeric("max_days_late", late),
            TableColumn.Numeric("dso", dso), TableColumn.Numeric("default_12m", bad),
        ]);
        var outcome = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "default_12m" },
            clock.GetUtcNow());
        var file = ModelFile.Serialize(outcome.Model, outcome.Provenance);
        await using var registry = ModelRegistryStore.Open(db);
        var registered = await ModelRegistryUseCases.RegisterAsync(registry, file, clock.GetUtcNow(), default, outcome.Curves);
        await ModelRegistryUseCases.RegisterAsync(registry, file, clock.GetUtcNow(), default);
        ModelId = registered.ModelId;
    }
}
