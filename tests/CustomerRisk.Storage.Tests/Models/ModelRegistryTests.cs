using CustomerRisk.Application.Models;
using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Storage.Models;

namespace CustomerRisk.Storage.Tests.Models;

public sealed class ModelRegistryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Register_GivesVersionsPerModelId_AndKeepsTheFileByteForByte(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var registry = ModelRegistryStore.Open(test.Db);
        var (json, other) = (ModelJson(seed: 1), ModelJson(seed: 2));

        var first = await ModelRegistryUseCases.RegisterAsync(registry, json, Noon, CancellationToken.None);
        var second = await ModelRegistryUseCases.RegisterAsync(registry, json, Noon.AddMinutes(1), CancellationToken.None);
        var third = await ModelRegistryUseCases.RegisterAsync(registry, other, Noon.AddMinutes(2), CancellationToken.None);

        Assert.Equal((1, 2, 1), (first.Version, second.Version, third.Version));
        Assert.Equal(first.ModelId, second.ModelId);
        Assert.NotEqual(first.ModelId, third.ModelId);
        var read = await registry.ReadAsync(first.ModelId, 1);
        Assert.NotNull(read);
        Assert.Equal(json, read.ModelFileJson);
        Assert.Equal("gbdt", read.Algorithm);
        Assert.Equal(Noon, read.CreatedAt);
        Assert.Equal(ModelFile.Deserialize(json).Provenance.TrainingDataSha256, read.TrainingDataSha256);
        Assert.Contains("\"validation\"", read.MetricsJson, StringComparison.Ordinal);
        Assert.False(read.IsActive);
        Assert.Equal(2, (await registry.ReadAsync(first.ModelId))!.Version); // latest without a version
        Assert.Null(await registry.ReadAsync(first.ModelId, 3));
        Assert.Equal(3, (await registry.ListAsync()).Count);
        Assert.Equal(3, await test.CountAsync("SELECT count(*) FROM risk_models"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Activate_KeepsExactlyOneActive_AndDeactivateGoesBackToNone(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var registry = ModelRegistryStore.Open(test.Db);
        var a = await ModelRegistryUseCases.RegisterAsync(registry, ModelJson(1), Noon, CancellationToken.None);
        var b = await ModelRegistryUseCases.RegisterAsync(registry, ModelJson(2), Noon, CancellationToken.None);
        Assert.Null(await registry.ReadActiveAsync());

        await ModelRegistryUseCases.ActivateAsync(registry, a.ModelId, null, CancellationToken.None);
        Assert.Equal(a.Name, (await registry.ReadActiveAsync())!.Name);
        await ModelRegistryUseCases.ActivateAsync(registry, b.ModelId, 1, CancellationToken.None);

        var active = await registry.ReadActiveAsync();
        Assert.Equal(b.Name, active!.Name);
        Assert.Equal((b.ModelId, b.Version, b.Algorithm, Noon, b.TrainingDataSha256, b.MetricsJson, b.ModelFileJson, true),
            (active.ModelId, active.Version, active.Algorithm, active.CreatedAt, active.TrainingDataSha256, active.MetricsJson, active.ModelFileJson, active.IsActive));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM risk_models WHERE is_active = " + (provider == "sqlite" ? "1" : "true")));
        var loaded = await ModelRegistryUseCases.LoadActiveAsync(registry, CancellationToken.None);
        Assert.Equal($"{b.ModelId}@1", loaded!.Name);

        await registry.DeactivateAllAsync();
        Assert.Null(await registry.ReadActiveAsync());
        Assert.Null(await ModelRegistryUseCases.LoadActiveAsync(registry, CancellationToken.None));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Activate_RefusesAnUnknownModel_AndKeepsTheActiveOne(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var registry = ModelRegistryStore.Open(test.Db);
        var a = await ModelRegistryUseCases.RegisterAsync(registry, ModelJson(1), Noon, CancellationToken.None);
        await ModelRegistryUseCases.ActivateAsync(registry, a.ModelId, 1, CancellationToken.None);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => ModelRegistryUseCases.ActivateAsync(registry, "gbdt-nope", null, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ModelRegistryUseCases.ActivateAsync(registry, a.ModelId, 9, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.ActivateAsync(a.ModelId, 9));

        Assert.Equal(a.Name, (await registry.ReadActiveAsync())!.Name);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Activate_RefusesAModelThatReadsColumnsAssessDoesNotCompute(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var registry = ModelRegistryStore.Open(test.Db);
        var foreign = await ModelRegistryUseCases.RegisterAsync(registry, ModelJson(1, inputName: "age"), Noon, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ModelingDataException>(() => ModelRegistryUseCases.ActivateAsync(registry, foreign.ModelId, null, CancellationToken.None));

        Assert.Contains("'age'", e.Message, StringComparison.Ordinal);
        Assert.Null(await registry.ReadActiveAsync());
    }

    [Fact]
    public async Task Register_RefusesTextThatIsNotAModelFile()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        await using var registry = ModelRegistryStore.Open(test.Db);

        await Assert.ThrowsAnyAsync<ModelingDataException>(() => ModelRegistryUseCases.RegisterAsync(registry, "{\"format\":\"other\"}", Noon, CancellationToken.None));

        Assert.Empty(await registry.ListAsync());
    }

    /// <summary>A small boosted model on PD inputs (max_days_late, oldest_dpd), trained on data made from a seed.</summary>
    internal static string ModelJson(int seed, string inputName = "max_days_late")
    {
        var random = new Random(seed);
        const int n = 600;
        var late = new double[n];
        var dpd = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            late[i] = random.Next(0, 90);
            dpd[i] = random.Next(0, 80);
            y[i] = random.NextDouble() < (late[i] + dpd[i]) / 250 ? 1 : 0;
        }

        var table = new ModelingTable([TableColumn.Numeric(inputName, late), TableColumn.Numeric("oldest_dpd", dpd), TableColumn.Numeric("default_12m", y)]);
        var outcome = ModelTrainer.Train(table, new TrainingRequest
        {
            Algorithm = ModelAlgorithm.GradientBoosting, TargetColumn = "default_12m", Trees = 20, MaxDepth = 3, Seed = seed,
        }, Noon);
        return ModelFile.Serialize(outcome.Model, outcome.Provenance);
    }
}
