using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage;

namespace CustomerRisk.Server.Tests;

/// <summary>API tokens over HTTP: issued with an expiry, listed, revoked; an expired or revoked token gets 401 at once.</summary>
public sealed class TokenLifecycleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Admin => fixture.ClientFor(UserRoles.Admin);

    [Fact]
    public async Task IssuedToken_Works_ThenRevoked_Gets401_AndIsListedAsRevoked()
    {
        using var issue = await Admin.PostAsJsonAsync("/api/users/carl/tokens", new { label = "erp", expires_days = 30 });
        Assert.Equal(HttpStatusCode.OK, issue.StatusCode);
        using var issued = JsonDocument.Parse(await issue.Content.ReadAsStringAsync());
        var token = issued.RootElement.GetProperty("token").GetString()!;
        var id = issued.RootElement.GetProperty("token_id").GetString()!;
        var expires = issued.RootElement.GetProperty("expires_at").GetDateTimeOffset();
        using var bearer = Bearer(token);

        using var before = await bearer.GetAsync("/api/me");
        using var revoke = await Admin.DeleteAsync($"/api/users/carl/tokens/{id}");
        using var after = await bearer.GetAsync("/api/me");
        using var check = await bearer.PostAsJsonAsync("/api/orders/check", new { customer_id = "C000001", amount = 10m, as_of = "2026-06-30" });
        using var list = JsonDocument.Parse(await Admin.GetStringAsync("/api/users/carl/tokens"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, check.StatusCode);
        Assert.InRange((expires - DateTimeOffset.UtcNow).TotalDays, 29.9, 30.1);
        var listed = list.RootElement.EnumerateArray().Single(t => t.GetProperty("token_id").GetString() == id);
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revoked_at").ValueKind);
        Assert.DoesNotContain(token, list.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Gets401()
    {
        var token = ApiTokens.NewToken();
        await using (var users = ServerStores.OpenUsers(fixture.Db))
        {
            var now = DateTimeOffset.UtcNow;
            await users.AddTokenAsync(new ApiTokenRecord
            {
                TokenHash = ApiTokens.HashOf(token), UserName = "carl", CreatedAt = now.AddDays(-91), ExpiresAt = now.AddSeconds(-1),
            });
        }

        using var bearer = Bearer(token);
        using var response = await bearer.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task TokenWithoutExpiry_IsIssuedWithZeroDays_AndDefaultIs90Days()
    {
        using var never = JsonDocument.Parse(await (await Admin.PostAsJsonAsync("/api/users/ana/tokens", new { expires_days = 0 })).Content.ReadAsStringAsync());
        using var byDefault = JsonDocument.Parse(await (await Admin.PostAsJsonAsync("/api/users/ana/tokens", new { label = "x" })).Content.ReadAsStringAsync());

        Assert.Equal(JsonValueKind.Null, never.RootElement.GetProperty("expires_at").ValueKind);
        Assert.InRange((byDefault.RootElement.GetProperty("expires_at").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalDays, 89.9, 90.1);
    }

    [Theory]
    [InlineData("/api/users/carl/tokens/0123456789ab", HttpStatusCode.NotFound)]
    [InlineData("/api/users/carl/tokens/not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("/api/users/nobody/tokens/0123456789ab", HttpStatusCode.NotFound)]
    public async Task RevokingAnUnknownOrMalformedId_IsRefused(string path, HttpStatusCode expected)
    {
        using var response = await Admin.DeleteAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RevokingAnotherUsersTokenThroughThisUsersPath_Is404_AndTheTokenStillWorks()
    {
        using var issue = JsonDocument.Parse(await (await Admin.PostAsJsonAsync("/api/users/cole/tokens", new { })).Content.ReadAsStringAsync());
        var id = issue.RootElement.GetProperty("token_id").GetString()!;
        using var bearer = Bearer(issue.RootElement.GetProperty("token").GetString()!);

        using var revoke = await Admin.DeleteAsync($"/api/users/carl/tokens/{id}");
        using var me = await bearer.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3651)]
    public async Task ExpiryOutOfRange_Is400(int days)
    {
        using var response = await Admin.PostAsJsonAsync("/api/users/carl/tokens", new { expires_days = days });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Bearer(string token)
    {
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
