using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Users;
using CustomerRisk.Policy;
using CustomerRisk.Storage;

namespace CustomerRisk.Server.Tests;

/// <summary>What the customer list, the customer 360 and the portfolio say, checked against the use cases run directly
/// on the same store.</summary>
public sealed class CustomersApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    [Fact]
    public async Task CustomerList_PagesThroughEveryCustomerOnce_RiskiestFirst()
    {
        var seen = new List<string>();
        decimal? previousLoss = decimal.MaxValue;
        for (var page = 1; ; page++)
        {
            using var json = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers?page={page}&page_size=25"));
            Assert.Equal(120, json.RootElement.GetProperty("total").GetInt32());
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
            if (items.Length == 0)
            {
                break;
            }

            foreach (var item in items)
            {
                seen.Add(item.GetProperty("customer_id").GetString()!);
                var loss = item.GetProperty("expected_loss").GetDecimal();
                Assert.True(loss <= previousLoss, "expected loss descending");
                previousLoss = loss;
                Assert.Equal("2026-06-30", item.GetProperty("as_of").GetString());
            }
        }

        Assert.Equal(120, seen.Count);
        Assert.Equal(120, seen.Distinct().Count());
    }

    [Fact]
    public async Task CustomerList_FiltersByGradeRegionOwnerAndText()
    {
        using var all = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?page_size=500"));
        var items = all.RootElement.GetProperty("items").EnumerateArray().ToArray();
        var sample = items[3];
        var grade = sample.GetProperty("grade").GetString()!;
        var region = sample.GetProperty("region").GetString()!;
        var id = sample.GetProperty("customer_id").GetString()!;

        using var byGrade = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers?grade={grade}&page_size=500"));
        using var byRegion = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers?region={Uri.EscapeDataString(region)}&page_size=500"));
        using var byText = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers?q={Uri.EscapeDataString(id)}"));

        Assert.Equal(items.Count(i => i.GetProperty("grade").GetString() == grade), byGrade.RootElement.GetProperty("total").GetInt32());
        Assert.All(byGrade.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal(grade, i.GetProperty("grade").GetString()));
        Assert.Equal(items.Count(i => i.GetProperty("region").GetString() == region), byRegion.RootElement.GetProperty("total").GetInt32());
        Assert.Contains(byText.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("customer_id").GetString() == id);
    }

    [Fact]
    public async Task CustomerList_TextSearch_TreatsLikeWildcardsAsText()
    {
        using var percent = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?q=%25"));
        using var underscore = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?q=_"));

        Assert.Equal(0, percent.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, underscore.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("grade=E")]
    [InlineData("page=0")]
    [InlineData("page_size=501")]
    [InlineData("sort=name; DROP TABLE customers")]
    public async Task CustomerList_WithABadParameter_Is400WithTheReason(string query)
    {
        using var response = await Manager.GetAsync("/api/customers?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer360_HasTheLatestAssessmentAndTheTrendOverBothRuns()
    {
        await using var store = await RiskStoreFactory.OpenMigratedAsync(fixture.Db, ServerFixture.Clock);
        var direct = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(ServerFixture.AsOf, Save: false), store,
            CreditPolicy.Default, ServerFixture.Clock, null, default);
        var expected = direct.Customers.OrderByDescending(c => c.Alerts.Count).First();

        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers/" + expected.CustomerId));

        var root = json.RootElement;
        Assert.Equal(expected.Name, root.GetProperty("customer").GetProperty("name").GetString());
        var assessment = root.GetProperty("assessment");
        Assert.Equal(expected.Grade, assessment.GetProperty("grade").GetString());
        Assert.Equal(expected.CreditScore, assessment.GetProperty("credit_score").GetInt32());
        Assert.Equal(expected.OpenAr, assessment.GetProperty("open_ar").GetDecimal());
        Assert.Equal(expected.Aging.D31To60, assessment.GetProperty("aging").GetProperty("d31_60").GetDecimal());
        Assert.Equal(expected.Alerts.Count, assessment.GetProperty("alerts").GetArrayLength());
        Assert.Equal(expected.ScoreReasons.Count, assessment.GetProperty("score_reasons").GetArrayLength());
        Assert.True(assessment.TryGetProperty("grade_components", out _));
        var trend = root.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("as_of").GetString()).ToArray();
        Assert.Equal(new[] { "2026-03-31", "2026-06-30" }, trend.Select(t => t!));
    }

    [Fact]
    public async Task Portfolio_EqualsThePortfolioOfTheSameDateComputedDirectly()
    {
        await using var store = await RiskStoreFactory.OpenMigratedAsync(fixture.Db, ServerFixture.Clock);
        var direct = await AssessPortfolio.HandleAsync(new AssessPortfolioRequest(ServerFixture.AsOf, Save: false), store,
            CreditPolicy.Default, ServerFixture.Clock, null, default);

        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/portfolio"));

        var portfolio = json.RootElement.GetProperty("portfolio");
        Assert.Equal("2026-06-30", portfolio.GetProperty("as_of").GetString());
        Assert.Equal(direct.Portfolio.OpenAr, portfolio.GetProperty("open_ar").GetDecimal());
        Assert.Equal(direct.Portfolio.ExpectedLoss, portfolio.GetProperty("expected_loss").GetDecimal());
        Assert.Equal(direct.Portfolio.GradeCounts["A"], portfolio.GetProperty("grade_counts").GetProperty("A").GetInt32());
        var curve = json.RootElement.GetProperty("concentration").EnumerateArray().ToArray();
        Assert.Equal(101, curve.Length);
        Assert.Equal(1m, curve[^1].GetProperty("exposure_share").GetDecimal());
        var byGrade = json.RootElement.GetProperty("by_grade").EnumerateArray().Sum(g => g.GetProperty("customers").GetInt32());
        Assert.Equal(120, byGrade);
    }

    [Fact]
    public async Task Portfolio_AsOfAnEarlierDate_ComputesThatDate()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/portfolio?as_of=2026-03-31"));

        Assert.Equal("2026-03-31", json.RootElement.GetProperty("portfolio").GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task Assess_SavesARunThatTheListThenShows()
    {
        using var response = await Manager.PostAsJsonAsync("/api/assess", new { as_of = "2026-07-31" });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var list = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?page_size=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(120, json.RootElement.GetProperty("customers").GetInt32());
        Assert.Equal("2026-07-31", list.RootElement.GetProperty("items")[0].GetProperty("as_of").GetString());

        // Put the fixture's latest date back for the other tests of the class.
        using var again = await Manager.PostAsJsonAsync("/api/assess", new { as_of = "2026-06-30" });
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var day = new DateOnly(2026, 7, 31).DayNumber;
        command.CommandText = $"DELETE FROM assessments WHERE as_of = {day}; DELETE FROM assessment_runs WHERE as_of = {day};";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Policy_IsTheBuiltInPolicyWithItsText()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/policies/active"));

        Assert.Equal(CreditPolicy.Default.Version, json.RootElement.GetProperty("version").GetString());
        Assert.Contains("version:", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_WithoutAModelsFolder_ListsNoModelFiles()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/models"));

        Assert.Equal(0, json.RootElement.GetProperty("files").GetArrayLength());
    }
}
