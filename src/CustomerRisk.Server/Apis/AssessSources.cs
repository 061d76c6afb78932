using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Models;
using CustomerRisk.Application.Ports;
using CustomerRisk.Server.Hosting;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Models;
using CustomerRisk.Storage.Operations;

namespace CustomerRisk.Server.Apis;

/// <summary>The stores an assessment reads beside the ledger, opened for one request, and the inputs gathered from them
/// exactly as `crisk assess` gathers them (<see cref="AssessFromStore.GatherAsync"/>): the server's <c>--policy</c>
/// file when it was started with one, else the active stored policy; the active registered model; the granted
/// limits, last reviews and covers.</summary>
internal sealed class AssessSources : IAsyncDisposable
{
    private readonly ICreditStore _credit;
    private readonly IOperationsStore _operations;
    private readonly IModelRegistry _models;

    private AssessSources(ICreditStore credit, IOperationsStore operations, IModelRegistry models, AssessInputs inputs)
    {
        _credit = credit;
        _operations = operations;
        _models = models;
        Inputs = inputs;
    }

    public AssessInputs Inputs { get; }

    public static async Task<AssessSources> OpenAsync(StoreLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var credit = CreditStoreFactory.Open(location.Db, clock);
        var operations = OperationsStoreFactory.Open(location.Db, clock);
        var models = ModelRegistryStore.Open(location.Db);
        try
        {
            var inputs = await AssessFromStore.GatherAsync(credit, operations, models, location.PolicyFile is null ? null : location.Policy,
                clock, cancellationToken);
            return new AssessSources(credit, operations, models, inputs);
        }
        catch
        {
            await models.DisposeAsync();
            await operations.DisposeAsync();
            await credit.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _models.DisposeAsync();
        await _operations.DisposeAsync();
        await _credit.DisposeAsync();
    }
}
