using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Users;
using CustomerRisk.Server.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerRisk.Server.Tests;

/// <summary>Sign-in, sessions, tokens, antiforgery, rate limit, headers and the owner scope of a sales user.</summary>
public sealed class SecurityTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task SignIn_WithAWrongPassword_Is401AndSetsNoCookie()
    {
        using var client = fixture.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "ada", password = "wrong password here" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("Wrong user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnUnknownUser_AnswersAsForAWrongPassword()
    {
        using var client = fixture.Anonymous();

        using var unknown = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "nobody", password = "whatever password" });
        using var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "ada", password = "whatever password" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(StripTrace(await wrong.Content.ReadAsStringAsync()), StripTrace(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlySameSiteStrictSessionCookie()
    {
        using var client = fixture.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "ana", password = ServerFixture.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crisk_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("analyst", me.RootElement.GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(me.RootElement.GetProperty("csrf_token").GetString()));
    }

    [Fact]
    public async Task CookieRequestThatChangesSomething_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var client = await ServerFixture.SignedInClientAsync(fixture.Factory, "carl", ServerFixture.Password);
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using var response = await client.PostAsJsonAsync("/api/assess", new { as_of = "2026-06-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CookieRequest_WithAnotherSessionsAntiforgeryToken_IsRefused()
    {
        using var carl = await ServerFixture.SignedInClientAsync(fixture.Factory, "carl", ServerFixture.Password);
        using var ada = await ServerFixture.SignedInClientAsync(fixture.Factory, "ada", ServerFixture.Password);
        carl.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        carl.DefaultRequestHeaders.Add("X-CSRF-TOKEN", ada.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN"));

        using var response = await carl.PostAsJsonAsync("/api/assess", new { as_of = "2026-06-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BearerToken_SignsInWithTheUsersRole_AndNeedsNoAntiforgeryToken()
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AnalystToken);

        using var me = await client.GetAsync("/api/me");
        using var assess = await client.PostAsJsonAsync("/api/assess", new { as_of = "2026-06-30" });
        using var import = await client.PostAsync("/api/import", Endpoints.ImportBody());

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"role\":\"analyst\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, assess.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    [Theory]
    [InlineData("crisk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task UnknownOrMalformedBearerToken_Is401(string token)
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);

        using var response = await client.GetAsync("/api/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await ServerFixture.SignedInClientAsync(fixture.Factory, "cole", ServerFixture.Password);

        using var signOut = await client.PostAsync("/api/auth/sign-out", null);
        using var after = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SalesUser_GetsNotFound_ForAnotherOwnersCustomer_AndSeesOnlyTheirOwn()
    {
        var admin = fixture.ClientFor(UserRoles.Admin);
        var sales = fixture.ClientFor(UserRoles.Sales);
        using var others = JsonDocument.Parse(await admin.GetStringAsync("/api/customers?owner=ben.okafor&page_size=1"));
        var foreign = others.RootElement.GetProperty("items")[0].GetProperty("customer_id").GetString()!;

        using var response = await sales.GetAsync("/api/customers/" + foreign);
        using var missing = await sales.GetAsync("/api/customers/NO-SUCH-CUSTOMER");
        using var asked = JsonDocument.Parse(await sales.GetStringAsync("/api/customers?owner=ben.okafor&page_size=500"));
        using var adminView = await admin.GetAsync("/api/customers/" + foreign);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminView.StatusCode);
        var owners = asked.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sales_owner").GetString()).Distinct().ToArray();
        Assert.Equal(new[] { ServerFixture.SalesOwner }, owners.Select(o => o!));
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = fixture.Anonymous();

        foreach (var path in new[] { "/health/live", "/api/customers", "/signin.html", "/no/such/page" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.DoesNotContain("'unsafe-inline'", ScriptSource(SecurityHeaders.ContentSecurityPolicy), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task OpenApiDocument_IsServed_AndListsTheApi()
    {
        using var json = JsonDocument.Parse(await fixture.ClientFor(UserRoles.Analyst).GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in new[] { "/api/customers", "/api/customers/{customerId}", "/api/portfolio", "/api/assess", "/api/import", "/api/auth/sign-in" })
        {
            Assert.Contains(paths, p => p.TrimEnd('/') == path);
        }
    }

    [Fact]
    public async Task DashboardPage_SendsABrowserWithoutASessionToSignIn_AndTheSignInPageIsOpen()
    {
        using var client = fixture.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");

        using var page = await client.SendAsync(request);
        using var signIn = await client.GetAsync("/signin.html");
        using var index = await client.GetAsync("/index.html");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin.html", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, index.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRateLimited_PerClientAddress()
    {
        await using var factory = new ServerFactory(fixture.Db, signInAttemptsPerMinute: 3);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "ada", password = "not the password" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ChangedRole_EndsTheCookieSession()
    {
        // A session carries the role it was signed in with; the server checks it against the store on each request.
        using var client = await ServerFixture.SignedInClientAsync(fixture.Factory, "ana", ServerFixture.Password);
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Db}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE users SET role = 'collector' WHERE user_name = 'ana'";
            await command.ExecuteNonQueryAsync();
            using var response = await client.GetAsync("/api/models");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            command.CommandText = "UPDATE users SET role = 'analyst' WHERE user_name = 'ana'";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string ScriptSource(string policy) =>
        policy.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("script-src", StringComparison.Ordinal));

    private static string StripTrace(string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != "trace_id").Select(p => p.ToString()));
    }
}
