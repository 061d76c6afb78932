using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>Sign-ins (accepted and refused), users added and tokens issued and revoked through the API are in the audit
/// trail with the signed-in admin (or the name typed) as actor, and never with the password or the token. The same
/// checks run on PostgreSQL in <see cref="PostgresUserAuditApiTests"/>.</summary>
public sealed class UserAuditApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public Task SignInsAndTokenChanges_AreAudited_WithoutSecrets() => UserAuditChecks.RunAsync(fixture, "carl");
}

/// <summary>The same on the PostgreSQL server of CRISK_TEST_PG.</summary>
public sealed class PostgresUserAuditApiTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [PostgresFact]
    public Task SignInsAndTokenChanges_AreAudited_WithoutSecrets_OnPostgres() => UserAuditChecks.RunAsync(fixture, "cole");
}

internal static class UserAuditChecks
{
    public static async Task RunAsync(ServerFixture fixture, string userName)
    {
        var admin = fixture.ClientFor(UserRoles.Admin);
        using var anonymous = fixture.Anonymous();
        const string wrong = "not the password at all";

        using var refused = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { user_name = userName, password = wrong });
        using var unknown = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "nobody.here", password = wrong });
        using var accepted = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { user_name = userName, password = ServerFixture.Password });
        using var issue = await admin.PostAsJsonAsync($"/api/users/{userName}/tokens", new { label = "audit test", expires_days = 7 });
        using var issued = JsonDocument.Parse(await issue.Content.ReadAsStringAsync());
        var token = issued.RootElement.GetProperty("token").GetString()!;
        var id = issued.RootElement.GetProperty("token_id").GetString()!;
        using var revoke = await admin.DeleteAsync($"/api/users/{userName}/tokens/{id}");
        using var revokeAgain = await admin.DeleteAsync($"/api/users/{userName}/tokens/{id}");
        var newUser = "audited." + userName;
        using var add = await admin.PostAsJsonAsync("/api/users", new { user_name = newUser, role = "analyst", password = "a long enough password" });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revokeAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, add.StatusCode);

        var mine = await RecordsAsync(admin, $"?user={userName}&kind=user");
        Assert.Equal(["user.sign_in", "user.sign_in_failed"], mine.Take(2).Select(r => r.GetProperty("action").GetString()));
        Assert.Equal($"user:{userName}", mine[0].GetProperty("entity").GetString());
        Assert.Contains("\"result\":\"refused\"", mine[1].GetProperty("after").GetString(), StringComparison.Ordinal);
        var nobody = await RecordsAsync(admin, "?user=nobody.here");
        Assert.Equal(["user.sign_in_failed"], nobody.Select(r => r.GetProperty("action").GetString()));

        var tokens = await RecordsAsync(admin, "?user=ada&kind=token");
        Assert.Equal(["token.revoke", "token.issue"], tokens.Take(2).Select(r => r.GetProperty("action").GetString()));
        Assert.All(tokens.Take(2), r => Assert.Equal($"api_token:{id}", r.GetProperty("entity").GetString()));
        Assert.Single(tokens, r => r.GetProperty("action").GetString() == "token.revoke" && r.GetProperty("entity").GetString() == $"api_token:{id}");
        var added = await RecordsAsync(admin, "?user=ada&kind=user.add");
        Assert.Contains(added, r => r.GetProperty("entity").GetString() == "user:" + newUser);

        var everything = await admin.GetStringAsync("/api/audit?page_size=500");
        foreach (var secret in new[] { token, ApiTokens.HashOf(token), wrong, ServerFixture.Password, "a long enough password" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        using var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/audit/verify"));
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean());
    }

    private static async Task<JsonElement[]> RecordsAsync(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/audit" + query));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
