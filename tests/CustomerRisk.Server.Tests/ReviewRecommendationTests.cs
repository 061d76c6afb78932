using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>GET /api/customers/{id}/reviews/recommendation: what the policy recommends before the decision, the same
/// recommendation (and snapshot) a review recorded on that date then carries; nothing stored by asking.</summary>
public sealed class ReviewRecommendationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    [Fact]
    public async Task TheRecommendation_IsTheOneTheRecordedReviewCarries_AndAskingStoresNothing()
    {
        var customer = fixture.OtherOwnerCustomer;
        using var before = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers/{customer}/reviews"));

        using var advice = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers/{customer}/reviews/recommendation?reviewed_on=2026-06-30"));
        using var again = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers/{customer}/reviews"));
        var recommended = advice.RootElement.GetProperty("recommendation");
        using var record = await Manager.PostAsJsonAsync($"/api/customers/{customer}/reviews",
            new { decision = "keep", reason = "as advised", reviewed_on = "2026-06-30" });
        using var recorded = JsonDocument.Parse(await record.Content.ReadAsStringAsync());

        Assert.Equal(before.RootElement.GetArrayLength(), again.RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, record.StatusCode);
        var review = recorded.RootElement.GetProperty("review");
        Assert.True(JsonElement.DeepEquals(recommended, review.GetProperty("recommendation")), $"{recommended}\n{review.GetProperty("recommendation")}");
        Assert.True(JsonElement.DeepEquals(advice.RootElement.GetProperty("snapshot"), review.GetProperty("snapshot")));
        var current = advice.RootElement.GetProperty("current_limit");
        var change = advice.RootElement.GetProperty("limit_change").GetDecimal();
        Assert.Equal(recommended.GetProperty("recommended_limit").GetDecimal() - (current.ValueKind == JsonValueKind.Null ? 0m : current.GetDecimal()), change);
        Assert.Contains(recommended.GetProperty("decision").GetString(), new[] { "keep", "raise_limit", "lower_limit", "change_terms", "hold", "release" });
        Assert.NotEmpty(recommended.GetProperty("reasons").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/customers/NO-SUCH/reviews/recommendation", HttpStatusCode.NotFound, "NO-SUCH")]
    [InlineData("/api/customers/{0}/reviews/recommendation?reviewed_on=2020-01-01", HttpStatusCode.BadRequest, "no saved assessment")]
    [InlineData("/api/customers/{0}/reviews/recommendation?reviewed_on=2026-02-30", HttpStatusCode.BadRequest, "reviewed_on")]
    public async Task ARecommendationThatCannotBeGiven_SaysWhy(string path, HttpStatusCode status, string mentions)
    {
        using var response = await Manager.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, fixture.OtherOwnerCustomer));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(mentions, body, StringComparison.Ordinal);
    }
}
