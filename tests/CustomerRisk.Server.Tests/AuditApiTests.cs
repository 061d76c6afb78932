using System.Net;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>GET /api/audit and /api/audit/verify over the fixture's audit records, in order: seq 1 the fixture's review,
/// 2–6 the five users added (<c>user.add</c> by <c>crisk users</c>), 7 the analyst's token (<c>token.issue</c>), 8–10
/// AuditTrailSample (all at the fixture clock's instant, 2026-07-01), then 11–15 the five test users' sign-ins through
/// the server (<c>user.sign_in</c>, stamped by the server's own clock, so after 2026-07-01). Every filter, paging, bad
/// filters, and the chain verified.</summary>
public sealed class AuditApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    [Theory]
    [InlineData("", new long[] { 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 })]
    [InlineData("?customer=" + AuditTrailSample.Customer, new long[] { 10, 8 })]
    [InlineData("?kind=limit", new long[] { 10, 8 })]
    [InlineData("?kind=limit.grant", new long[] { 8 })]
    [InlineData("?kind=lim", new long[0])]
    [InlineData("?user=crisk%20import", new long[] { 9 })]
    [InlineData("?user=carl&kind=limit", new long[] { 8 })]
    [InlineData("?user=carl", new long[] { 12, 8, 1 })]
    [InlineData("?kind=user", new long[] { 15, 14, 13, 12, 11, 6, 5, 4, 3, 2 })]
    [InlineData("?kind=user.sign_in", new long[] { 15, 14, 13, 12, 11 })]
    [InlineData("?kind=token", new long[] { 7 })]
    [InlineData("?from=2026-07-01&to=2026-07-01", new long[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 })]
    [InlineData("?to=2026-06-30", new long[0])]
    [InlineData("?from=2026-07-02", new long[] { 15, 14, 13, 12, 11 })]
    public async Task List_AppliesEveryFilter_NewestFirst(string query, long[] expected)
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit" + query));

        var seqs = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(expected, seqs);
        Assert.Equal(expected.Length, json.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task List_GivesBeforeAndAfter_AsTheStoredJsonText()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit?kind=limit.temporary"));

        var record = json.RootElement.GetProperty("items")[0];
        Assert.Equal("ada", record.GetProperty("actor").GetString());
        Assert.Equal("""{"amount":"20000.00"}""", record.GetProperty("before").GetString());
        Assert.Equal("""{"amount":"25000.00"}""", record.GetProperty("after").GetString());
        Assert.Equal(64, record.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task List_Pages_WithTheTotalOnEveryPage()
    {
        using var first = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit?page_size=2"));
        using var second = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit?page_size=2&page=2"));
        using var last = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit?page_size=2&page=8"));
        using var beyond = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit?page_size=2&page=9"));

        Assert.Equal([15L, 14L], first.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
        Assert.Equal([13L, 12L], second.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
        Assert.Equal([1L], last.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
        Assert.Equal(0, beyond.RootElement.GetProperty("items").GetArrayLength());
        Assert.All([first, second, last, beyond], j => Assert.Equal(15, j.RootElement.GetProperty("total").GetInt64()));
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2026-07-02&to=2026-07-01", "after it ends")]
    [InlineData("?page=0", "page")]
    [InlineData("?page_size=501", "page size")]
    [InlineData("?page_size=abc", "400")]
    public async Task List_RefusesABadFilter_With400AndTheReason(string query, string mentions)
    {
        using var response = await Manager.GetAsync("/api/audit" + query);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReportsTheChainIntact_WithItsRecordCount()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/audit/verify"));

        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(15, json.RootElement.GetProperty("records").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("broken_at").ValueKind);
    }
}
