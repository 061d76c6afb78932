using CustomerRisk.Modeling.Files;
using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Tests;

public sealed class ModelFileTests
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ModelAlgorithm.Scorecard)]
    [InlineData(ModelAlgorithm.Logistic)]
    [InlineData(ModelAlgorithm.GradientBoosting)]
    [InlineData(ModelAlgorithm.DecisionTree)]
    [InlineData(ModelAlgorithm.RandomForest)]
    public void ModelFile_RoundTrip_ScoresEveryRowIdentically(ModelAlgorithm algorithm)
    {
        var table = MixedTable(1500, seed: 9);
        var outcome = ModelTrainer.Train(table, new TrainingRequest { Algorithm = algorithm, TargetColumn = "bad", Trees = 30 }, TrainedAt);

        var json = ModelFile.Serialize(outcome.Model, outcome.Provenance);
        var loaded = ModelFile.Deserialize(json);

        var before = ModelScorer.Score(outcome.Model, table);
        var after = ModelScorer.Score(loaded.Model, table);
        for (var r = 0; r < before.Count; r++)
        {
            Assert.Equal(before[r].ProbabilityOfBad, after[r].ProbabilityOfBad);
            Assert.Equal(before[r].Score, after[r].Score);
            Assert.Equal(before[r].Reasons, after[r].Reasons);
        }

        Assert.Equal(outcome.Provenance.TrainingDataSha256, loaded.Provenance.TrainingDataSha256);
        Assert.Equal(TrainedAt, loaded.Provenance.TrainedAt);
        Assert.Equal(outcome.Validation, loaded.Provenance.Metrics["validation"]);
        Assert.Equal(json, ModelFile.Serialize(loaded.Model, loaded.Provenance));
    }

    [Fact]
    public void ModelFile_RecordsAlgorithmVersionAndDataHash()
    {
        var table = MixedTable(600, seed: 3);
        var outcome = ModelTrainer.Train(table, new TrainingRequest { Algorithm = ModelAlgorithm.Scorecard, TargetColumn = "bad" }, TrainedAt);

        var json = ModelFile.Serialize(outcome.Model, outcome.Provenance);

        Assert.Contains("\"format\": \"customer-risk-model\"", json);
        Assert.Contains("\"format_version\": 1", json);
        Assert.Contains("\"algorithm\": \"scorecard\"", json);
        Assert.Contains($"\"data_sha256\": \"{TableFingerprint.Sha256(table)}\"", json);
        Assert.Matches("^[0-9a-f]{64}$", TableFingerprint.Sha256(table));
    }

    [Fact]
    public void TableFingerprint_ChangesWithOneValue()
    {
        var a = CsvTableReader.Parse("x,y\n1,a\n2,b\n");
        var b = CsvTableReader.Parse("x,y\n1,a\n3,b\n");
        var c = CsvTableReader.Parse("x,y\n1.0,a\n2,b\n");

        Assert.NotEqual(TableFingerprint.Sha256(a), TableFingerprint.Sha256(b));
        Assert.Equal(TableFingerprint.Sha256(a), TableFingerprint.Sha256(c));
    }

    [Fact]
    public void ModelFile_OfAnotherVersion_IsRefusedClearly()
    {
        var error = Assert.Throws<ModelingDataException>(() => ModelFile.Deserialize("{\"format\":\"customer-risk-model\",\"format_version\":7}"));

        Assert.Contains("format version 7", error.Message);
        Assert.Throws<ModelingDataException>(() => ModelFile.Deserialize("not json"));
    }

    internal static ModelingTable MixedTable(int n, int seed)
    {
        var random = new Random(seed);
        var income = new double[n];
        var late = new double[n];
        var region = new int[n];
        var bad = new double[n];
        for (var i = 0; i < n; i++)
        {
            income[i] = i % 23 == 0 ? double.NaN : 1000 + random.Next(0, 9000);
            late[i] = random.Next(0, 6);
            region[i] = i % 41 == 0 ? -1 : random.Next(0, 4);
            var logit = -1.5 + (0.5 * late[i]) - (double.IsNaN(income[i]) ? -0.5 : income[i] / 10000) + (region[i] == 2 ? 0.8 : 0);
            bad[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return new ModelingTable(
        [
            TableColumn.Numeric("income", income),
            TableColumn.Numeric("late", late),
            TableColumn.Categorical("region", region, ["north", "south", "east", "west"]),
            TableColumn.Numeric("bad", bad),
        ]);
    }
}
