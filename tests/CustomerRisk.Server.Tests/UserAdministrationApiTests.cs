using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Users;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerRisk.Server.Tests;

/// <summary>User administration over HTTP: a disabled user's cookie and token get 401 at the next request, a demoted
/// user loses access, the last admin is kept (409), a user changes their own password (the wrong current one is 400
/// and recorded; the right one ends their other sessions but not this one), an admin resets one, every change is in
/// the audit trail without a secret, and the chain still verifies.</summary>
public sealed class UserAdministrationApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string NewPassword = "a brand new password";

    private HttpClient Admin => fixture.ClientFor(UserRoles.Admin);

    [Fact]
    public async Task DisabledUser_CookieAndTokenGet401AtTheNextRequest_SignInIsRefused_AndEnablingBringsThemBack()
    {
        await AddAsync("dora", "credit_manager");
        using var session = await ServerFixture.SignedInClientAsync(fixture.Factory, "dora", ServerFixture.Password);
        using var bearer = Bearer(await TokenOfAsync("dora"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/audit?page_size=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/audit?page_size=1")).StatusCode);

        using var disable = await Admin.PostAsync("/api/users/dora/disable", null);
        using var cookieAfter = await session.GetAsync("/api/me");
        using var tokenAfter = await bearer.GetAsync("/api/me");
        using var anonymous = fixture.Anonymous();
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "dora", password = ServerFixture.Password });
        using var tokens = JsonDocument.Parse(await Admin.GetStringAsync("/api/users/dora/tokens"));

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        using (var view = JsonDocument.Parse(await disable.Content.ReadAsStringAsync()))
        {
            Assert.False(view.RootElement.GetProperty("active").GetBoolean());
            Assert.Equal(JsonValueKind.String, view.RootElement.GetProperty("disabled_at").ValueKind);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, cookieAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("Wrong user name or password", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(tokens.RootElement[0].GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/me")).StatusCode);

        using var enable = await Admin.PostAsync("/api/users/dora/enable", null);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        using var again = await ServerFixture.SignedInClientAsync(fixture.Factory, "dora", ServerFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task DemotedUser_LosesTheSession_AndTheirTokenActsWithTheNewRoleAtOnce()
    {
        await AddAsync("dirk", "credit_manager");
        using var session = await ServerFixture.SignedInClientAsync(fixture.Factory, "dirk", ServerFixture.Password);
        using var bearer = Bearer(await TokenOfAsync("dirk"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/audit?page_size=1")).StatusCode);

        using var demote = await Admin.PutAsJsonAsync("/api/users/dirk/role", new { role = "collector" });
        using var cookieAfter = await session.GetAsync("/api/audit?page_size=1");
        using var tokenAfter = await bearer.GetAsync("/api/audit?page_size=1");
        using var signedInAgain = await ServerFixture.SignedInClientAsync(fixture.Factory, "dirk", ServerFixture.Password);
        using var auditAgain = await signedInAgain.GetAsync("/api/audit?page_size=1");
        using var me = JsonDocument.Parse(await signedInAgain.GetStringAsync("/api/me"));

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("\"role\":\"collector\"", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tokenAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditAgain.StatusCode);
        Assert.Equal("collector", me.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task TheLastActiveAdmin_CannotBeDemotedOrDisabled_409_AndStaysAdmin()
    {
        using var demote = await Admin.PutAsJsonAsync("/api/users/ada/role", new { role = "analyst" });
        using var disable = await Admin.PostAsync("/api/users/ada/disable", null);
        using var stillAdmin = await Admin.GetAsync("/api/users");

        foreach (var refused in new[] { demote, disable })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("last active admin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, stillAdmin.StatusCode);
        using var users = JsonDocument.Parse(await stillAdmin.Content.ReadAsStringAsync());
        var ada = users.RootElement.EnumerateArray().Single(u => u.GetProperty("user_name").GetString() == "ada");
        Assert.Equal("admin", ada.GetProperty("role").GetString());
        Assert.True(ada.GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData("/api/users/nobody.here/role", "{\"role\":\"analyst\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/users/nobody.here/password", "{\"new_password\":\"a long enough password\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/users/cole/role", "{\"role\":\"sales\"}", HttpStatusCode.BadRequest)]
    [InlineData("/api/users/cole/role", "{\"role\":\"root\"}", HttpStatusCode.BadRequest)]
    [InlineData("/api/users/cole/role", "{\"role\":\"analyst\",\"sales_owner\":\"anna.berg\"}", HttpStatusCode.BadRequest)]
    [InlineData("/api/users/cole/password", "{\"new_password\":\"short\"}", HttpStatusCode.BadRequest)]
    [InlineData("/api/users/cole/password", "{}", HttpStatusCode.BadRequest)]
    public async Task BadOrUnknownChanges_AreProblems_AndChangeNothing(string path, string json, HttpStatusCode expected)
    {
        using var response = await Admin.PutAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var cole = await ServerFixture.SignedInClientAsync(fixture.Factory, "cole", ServerFixture.Password);
        using var me = JsonDocument.Parse(await cole.GetStringAsync("/api/me"));
        Assert.Equal("collector", me.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task ChangingMyPassword_NeedsTheCurrentOne_EndsMyOtherSessions_AndKeepsThisOne()
    {
        await AddAsync("pia", "analyst");
        using var here = await ServerFixture.SignedInClientAsync(fixture.Factory, "pia", ServerFixture.Password);
        using var elsewhere = await ServerFixture.SignedInClientAsync(fixture.Factory, "pia", ServerFixture.Password);

        using var wrong = await here.PostAsJsonAsync("/api/me/password", new { current_password = "not my password", new_password = NewPassword });
        using var stillElsewhere = await elsewhere.GetAsync("/api/me");
        using var weak = await here.PostAsJsonAsync("/api/me/password", new { current_password = ServerFixture.Password, new_password = "short" });
        using var changed = await here.PostAsJsonAsync("/api/me/password", new { current_password = ServerFixture.Password, new_password = NewPassword });
        using var hereAfter = await here.GetAsync("/api/me");
        using var elsewhereAfter = await elsewhere.GetAsync("/api/me");
        // The antiforgery token of this session still holds: a further change goes through.
        using var back = await here.PostAsJsonAsync("/api/me/password", new { current_password = NewPassword, new_password = NewPassword });
        using var anonymous = fixture.Anonymous();
        using var oldPassword = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "pia", password = ServerFixture.Password });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("current password is wrong", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hereAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhereAfter.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var newPassword = await ServerFixture.SignedInClientAsync(fixture.Factory, "pia", NewPassword);

        var records = await RecordsAsync("?user=pia&kind=user");
        Assert.Equal(["user.password_change", "user.password_change", "user.password_change_failed"],
            records.Select(r => r.GetProperty("action").GetString()).Where(a => a!.StartsWith("user.password", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChangingMyPassword_IsRateLimited_PerUser()
    {
        await using var factory = new ServerFactory(fixture.Db, signInAttemptsPerMinute: 3);
        await AddAsync("rita", "analyst");
        // One sign-in of the three a minute; the limit on password changes counts apart, per user.
        using var client = await ServerFixture.SignedInClientAsync(factory, "rita", ServerFixture.Password);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/me/password", new { current_password = "not my password", new_password = NewPassword });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AdminReset_EndsTheUsersSessions_AndTheNewPasswordSignsIn()
    {
        await AddAsync("ravi", "sales", "anna.berg");
        using var session = await ServerFixture.SignedInClientAsync(fixture.Factory, "ravi", ServerFixture.Password);

        using var reset = await Admin.PutAsJsonAsync("/api/users/ravi/password", new { new_password = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/me")).StatusCode);
        using var again = await ServerFixture.SignedInClientAsync(fixture.Factory, "ravi", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task EveryChange_IsAuditedWithTheAdmin_WithoutASecret_AndTheChainVerifies()
    {
        await AddAsync("audra", "analyst");
        using var reset = await Admin.PutAsJsonAsync("/api/users/audra/password", new { new_password = NewPassword });
        using var role = await Admin.PutAsJsonAsync("/api/users/audra/role", new { role = "sales", sales_owner = "anna.berg" });
        using var sameRole = await Admin.PutAsJsonAsync("/api/users/audra/role", new { role = "sales", sales_owner = "anna.berg" });
        using var disable = await Admin.PostAsync("/api/users/audra/disable", null);
        using var enable = await Admin.PostAsync("/api/users/audra/enable", null);
        Assert.All(new[] { role, sameRole, disable, enable }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var records = (await RecordsAsync("?user=ada&kind=user")).Where(r => r.GetProperty("entity").GetString() == "user:audra").ToArray();

        Assert.Equal(["user.enable", "user.disable", "user.role_change", "user.password_reset", "user.add"],
            records.Select(r => r.GetProperty("action").GetString()));
        Assert.Contains("\"sales_owner\":\"anna.berg\"", records[2].GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"role\":\"analyst\"", records[2].GetProperty("before").GetString(), StringComparison.Ordinal);
        var everything = await Admin.GetStringAsync("/api/audit?page_size=500");
        foreach (var secret in new[] { NewPassword, ServerFixture.Password, "pbkdf2-sha256" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        using var verify = JsonDocument.Parse(await Admin.GetStringAsync("/api/audit/verify"));
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task DisablingOnOneInstance_EndsTheSessionOnAnother_ThatSharesTheStore()
    {
        await AddAsync("ines", "analyst");
        await using var other = new ServerFactory(fixture.Db);
        using var elsewhere = await ServerFixture.SignedInClientAsync(other, "ines", ServerFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/me")).StatusCode);

        using var disable = await Admin.PostAsync("/api/users/ines/disable", null);

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/me")).StatusCode);
    }

    private async Task AddAsync(string name, string role, string? owner = null)
    {
        using var added = await Admin.PostAsJsonAsync("/api/users", new { user_name = name, role, sales_owner = owner, password = ServerFixture.Password });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
    }

    private async Task<string> TokenOfAsync(string name)
    {
        using var issue = await Admin.PostAsJsonAsync($"/api/users/{name}/tokens", new { label = "tests" });
        using var issued = JsonDocument.Parse(await issue.Content.ReadAsStringAsync());
        return issued.RootElement.GetProperty("token").GetString()!;
    }

    private HttpClient Bearer(string token)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement[]> RecordsAsync(string query)
    {
        using var json = JsonDocument.Parse(await Admin.GetStringAsync("/api/audit" + query + "&page_size=500"));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}

/// <summary>The same rules on the PostgreSQL server of CRISK_TEST_PG: a disabled user's cookie and token get 401 at the
/// next request, the last admin is a 409, and the chain verifies.</summary>
public sealed class PostgresUserAdministrationApiTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [PostgresFact]
    public async Task DisabledUserIsOut_AndTheLastAdminIsKept_OnPostgres()
    {
        var admin = fixture.ClientFor(UserRoles.Admin);
        using var added = await admin.PostAsJsonAsync("/api/users", new { user_name = "dora", role = "analyst", password = ServerFixture.Password });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var session = await ServerFixture.SignedInClientAsync(fixture.Factory, "dora", ServerFixture.Password);
        using var issue = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/users/dora/tokens", new { label = "pg" })).Content.ReadAsStringAsync());
        using var bearer = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issue.RootElement.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);

        using var disable = await admin.PostAsync("/api/users/dora/disable", null);
        using var demoteLastAdmin = await admin.PutAsJsonAsync("/api/users/ada/role", new { role = "analyst" });

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, demoteLastAdmin.StatusCode);
        using var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/audit/verify"));
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean());
    }
}
