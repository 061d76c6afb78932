using CustomerRisk.Application.Models;
using CustomerRisk.Application.Ports;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Models;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>What the audit and model pages show in the browser tests: three audit records and a logistic PD model
/// (three PD inputs, 600 generated rows) registered with its validation curves and activated.</summary>
public static class BrowserSamples
{
    public static async Task AddAsync(string db)
    {
        await using (var trail = CreditStoreFactory.Open(db))
        {
            await trail.AppendAsync(new AuditEntry { Actor = "carl", Action = "limit.grant", Entity = "credit_limit:1", After = """{"amount":"20000.00"}""" });
            await trail.AppendAsync(new AuditEntry { Actor = "crisk import", Action = "import", Entity = "import:1", After = """{"files":3}""" });
            await trail.AppendAsync(new AuditEntry
            {
                Actor = "carl", Action = "limit.temporary", Entity = "credit_limit:2",
                Before = """{"amount":"20000.00"}""", After = """{"amount":"25000.00"}""",
            });
        }

        const int rows = 600;
        var random = new Random(3);
        var overdue = new double[rows];
        var late = new double[rows];
        var bad = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            overdue[i] = random.NextDouble();
            late[i] = random.Next(0, 120);
            bad[i] = random.NextDouble() < 1 / (1 + Math.Exp(-(-4 + (3 * overdue[i]) + (0.02 * late[i])))) ? 1 : 0;
        }

        var table = new ModelingTable([TableColumn.Numeric("overdue_share", overdue), TableColumn.Numeric("max_days_late", late),
            TableColumn.Numeric("default_12m", bad)]);
        var outcome = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Logistic, TargetColumn = "default_12m" },
            DateTimeOffset.UnixEpoch);
        await using var registry = ModelRegistryStore.Open(db);
        var model = await ModelRegistryUseCases.RegisterAsync(registry, ModelFile.Serialize(outcome.Model, outcome.Provenance),
            DateTimeOffset.UnixEpoch, default, outcome.Curves);
        await ModelRegistryUseCases.ActivateAsync(registry, model.ModelId, model.Version, default);
    }
}
