using System.Text.Json;

namespace CustomerRisk.Cli.Tests.Model;

/// <summary>The customer PD model through the real command line: build the table from the store, train with
/// cross-validation and register, activate, and see assess name the model; bad usage exits with 2.</summary>
public sealed class PdModelCommandTests
{
    [Fact]
    public async Task BuildTableTrainRegisterActivate_MakesAssessScoreWithTheModel()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "demo", "--out", "demo", "--customers", "200", "--as-of", "2025-06-30")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "import", "demo")).ExitCode);

        var table = await CliProcess.RunAsync(folder.Path, "model", "build-table", "--out", "pd.csv");
        Assert.True(table.ExitCode == 0, table.Error);
        using (var summary = JsonDocument.Parse(table.Out))
        {
            Assert.Equal("default_12m", summary.RootElement.GetProperty("target").GetString());
            Assert.Equal("customer_id,as_of,expert_pd", summary.RootElement.GetProperty("ignore").GetString());
            Assert.Equal("customer_id", summary.RootElement.GetProperty("group").GetString());
            Assert.Equal("2024-06-30", summary.RootElement.GetProperty("snapshots").EnumerateArray().Last().GetString());
        }

        var header = File.ReadLines(Path.Combine(folder.Path, "pd.csv")).First();
        Assert.StartsWith("customer_id,as_of,open_ar,", header, StringComparison.Ordinal);
        Assert.EndsWith(",expert_pd,default_12m", header, StringComparison.Ordinal);

        var train = await CliProcess.RunAsync(folder.Path, "model", "train", "--data", "pd.csv", "--target", "default_12m",
            "--ignore", "customer_id,as_of,expert_pd", "--group", "customer_id", "--algorithm", "gbdt", "--trees", "50", "--depth", "3", "--folds", "3", "--register");
        Assert.True(train.ExitCode == 0, train.Error);
        string modelId;
        using (var report = JsonDocument.Parse(train.Out))
        {
            var cv = report.RootElement.GetProperty("cross_validation");
            Assert.Equal(3, cv.GetProperty("folds").GetInt32());
            Assert.Equal(3, cv.GetProperty("per_fold").GetArrayLength());
            Assert.Equal("customer_id", report.RootElement.GetProperty("options").GetProperty("group_column").GetString());
            Assert.InRange(cv.GetProperty("mean").GetProperty("auc").GetDouble(), 0.5, 1.0);
            Assert.True(cv.GetProperty("standard_deviation").GetProperty("auc").GetDouble() >= 0);
            modelId = report.RootElement.GetProperty("registered").GetProperty("model_id").GetString()!;
            Assert.Equal(1, report.RootElement.GetProperty("registered").GetProperty("version").GetInt32());
        }

        var before = await CliProcess.RunAsync(folder.Path, "assess", "--as-of", "2025-06-30", "--format", "json");
        Assert.Contains("\"score_model\":\"expert_scorecard\"", before.Out, StringComparison.Ordinal);

        var activate = await CliProcess.RunAsync(folder.Path, "model", "activate", modelId);
        Assert.True(activate.ExitCode == 0, activate.Error);
        var list = await CliProcess.RunAsync(folder.Path, "model", "list");
        using (var models = JsonDocument.Parse(list.Out))
        {
            var only = Assert.Single(models.RootElement.EnumerateArray());
            Assert.True(only.GetProperty("active").GetBoolean());
        }

        var after = await CliProcess.RunAsync(folder.Path, "assess", "--as-of", "2025-06-30", "--format", "json");
        Assert.True(after.ExitCode == 0, after.Error);
        using (var json = JsonDocument.Parse(after.Out))
        {
            Assert.All(json.RootElement.EnumerateArray(), c => Assert.Equal($"{modelId}@1", c.GetProperty("score_model").GetString()));
        }

        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "model", "deactivate")).ExitCode);
        var back = await CliProcess.RunAsync(folder.Path, "assess", "--as-of", "2025-06-30", "--format", "json");
        Assert.Contains("\"score_model\":\"expert_scorecard\"", back.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_ExitWith2AndSayWhy()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "demo", "--out", "demo", "--customers", "30", "--as-of", "2025-06-30")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "import", "demo")).ExitCode);

        var tooLate = await CliProcess.RunAsync(folder.Path, "model", "build-table", "--out", "t.csv", "--to", "2025-01-31");
        Assert.Equal(2, tooLate.ExitCode);
        Assert.Contains("latest possible is 2024-06-30", tooLate.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "t.csv")));

        var unknown = await CliProcess.RunAsync(folder.Path, "model", "activate", "gbdt-000000000000");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("gbdt-000000000000", unknown.Error, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder.Path, "broken.json"), "{\"format\":\"something else\"}");
        var broken = await CliProcess.RunAsync(folder.Path, "model", "register", "broken.json");
        Assert.Equal(2, broken.ExitCode);
    }
}
