using System.Net;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>GET /api/models and /api/models/{id}/versions/{n} over the fixture's registered model (ModelSample:
/// version 1 with its validation curves, version 2 from the file alone).</summary>
public sealed class ModelsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Analyst => fixture.ClientFor(UserRoles.Analyst);

    [Fact]
    public async Task List_GivesEveryRegisteredVersion_WithItsMetrics_AndWhetherItHasCurves()
    {
        using var json = JsonDocument.Parse(await Analyst.GetStringAsync("/api/models"));

        var models = json.RootElement.GetProperty("registered").EnumerateArray().ToArray();
        Assert.Equal([1, 2], models.Select(m => m.GetProperty("version").GetInt32()));
        Assert.All(models, m => Assert.Equal(ModelSample.ModelId, m.GetProperty("model_id").GetString()));
        Assert.Equal("logistic", models[0].GetProperty("algorithm").GetString());
        Assert.Equal($"{ModelSample.ModelId}@1", models[0].GetProperty("name").GetString());
        Assert.Equal([true, false], models.Select(m => m.GetProperty("has_curves").GetBoolean()));
        Assert.All(models, m => Assert.False(m.GetProperty("active").GetBoolean()));
        Assert.Equal(180, models[0].GetProperty("metrics").GetProperty("validation").GetProperty("rows").GetInt32());
        Assert.InRange(models[0].GetProperty("metrics").GetProperty("validation").GetProperty("auc").GetDouble(), 0.6, 1);
    }

    [Fact]
    public async Task Detail_GivesTheValidationCurves_ThatAgreeWithTheStoredMetrics()
    {
        using var json = JsonDocument.Parse(await Analyst.GetStringAsync($"/api/models/{ModelSample.ModelId}/versions/1"));

        var metrics = json.RootElement.GetProperty("model").GetProperty("metrics").GetProperty("validation");
        var curves = json.RootElement.GetProperty("curves");
        Assert.Equal("validation", curves.GetProperty("sample").GetString());
        Assert.Equal(metrics.GetProperty("auc").GetDouble(), curves.GetProperty("auc").GetDouble(), 12);
        Assert.Equal(metrics.GetProperty("ks").GetDouble(), curves.GetProperty("ks").GetDouble(), 12);
        Assert.Equal(metrics.GetProperty("gini").GetDouble(), curves.GetProperty("gini").GetDouble(), 12);
        Assert.Equal(metrics.GetProperty("brier").GetDouble(), curves.GetProperty("brier").GetDouble(), 12);
        var roc = curves.GetProperty("roc").EnumerateArray().Select(p => (p.GetProperty("false_positive_rate").GetDouble(),
            p.GetProperty("true_positive_rate").GetDouble())).ToArray();
        Assert.Equal((0.0, 0.0), roc[0]);
        Assert.Equal((1.0, 1.0), roc[^1]);
        var calibration = curves.GetProperty("calibration").EnumerateArray().ToArray();
        Assert.Equal(10, calibration.Length);
        Assert.Equal(180, calibration.Sum(b => b.GetProperty("rows").GetInt32()));
    }

    [Fact]
    public async Task Detail_ComparesTheValidationSample_WithThePortfolioScoredByTheModel()
    {
        using var json = JsonDocument.Parse(await Analyst.GetStringAsync($"/api/models/{ModelSample.ModelId}/versions/1"));

        var stability = json.RootElement.GetProperty("stability");
        Assert.Equal("2026-06-30", stability.GetProperty("as_of").GetString());
        Assert.Equal(120, stability.GetProperty("customers").GetInt32());
        var bands = stability.GetProperty("bands").EnumerateArray().ToArray();
        var psi = stability.GetProperty("psi").GetDouble();
        Assert.Equal(psi, bands.Sum(b => b.GetProperty("contribution").GetDouble()), 9);
        Assert.Equal(1, bands.Sum(b => b.GetProperty("recent_share").GetDouble()), 9);
        Assert.All(bands, b => Assert.Equal(0, b.GetProperty("recent_share").GetDouble() * 120 % 1, 6));
        Assert.Equal(psi < 0.1 ? "stable" : psi <= 0.25 ? "watch" : "shifted", stability.GetProperty("reading").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("stability_note").ValueKind);
    }

    [Fact]
    public async Task Detail_OfAModelRegisteredFromItsFileAlone_SaysItHasNoCurves()
    {
        using var json = JsonDocument.Parse(await Analyst.GetStringAsync($"/api/models/{ModelSample.ModelId}/versions/2"));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("curves").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("stability").ValueKind);
        Assert.Contains("without its validation curves", json.RootElement.GetProperty("stability_note").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/models/no-such-model/versions/1", HttpStatusCode.NotFound)]
    [InlineData("/api/models/{model}/versions/3", HttpStatusCode.NotFound)]
    [InlineData("/api/models/{model}/versions/0", HttpStatusCode.NotFound)]
    [InlineData("/api/models/{model}/versions/x", HttpStatusCode.NotFound)]
    [InlineData("/api/models/{model}/versions/1?as_of=2026-02-30", HttpStatusCode.BadRequest)]
    public async Task Detail_OfAnUnknownVersionOrWithABadDate_IsRefused(string path, HttpStatusCode expected)
    {
        using var response = await Analyst.GetAsync(path.Replace("{model}", ModelSample.ModelId, StringComparison.Ordinal));

        Assert.Equal(expected, response.StatusCode);
    }
}
