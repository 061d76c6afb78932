using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Server.Tests;

/// <summary>Limits, covers and webhook subscriptions over HTTP: each change is checked in its answer, in a later read,
/// against the use case run directly and in the audit trail; bad input is a 400 naming the field and stores nothing;
/// a webhook's secret is shown once and never again.</summary>
public sealed class CreditOperationsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    private HttpClient Admin => fixture.ClientFor(UserRoles.Admin);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private async Task<string> CustomerAsync(int index)
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?page_size=20&sort=customer_id"));
        return json.RootElement.GetProperty("items")[index].GetProperty("customer_id").GetString()!;
    }

    [Fact]
    public async Task GrantedLimit_IsTheEffectiveOne_ShowsInTheHistory_AndIsAudited()
    {
        var customer = await CustomerAsync(3);

        using var grant = await Manager.PostAsJsonAsync($"/api/customers/{customer}/limits",
            new { amount = 42000m, reason = "annual review", valid_from = "2026-06-01" });
        var answer = await JsonOf(grant, HttpStatusCode.Created);
        using var show = await Manager.GetAsync($"/api/customers/{customer}/limits?as_of=2026-06-30");
        var limits = await JsonOf(show, HttpStatusCode.OK);

        Assert.Equal("carl", answer.GetProperty("grant").GetProperty("approver").GetString());
        Assert.Equal("standing", answer.GetProperty("grant").GetProperty("kind").GetString());
        Assert.Equal(42000m, answer.GetProperty("effective_after").GetDecimal());
        Assert.Equal("granted", answer.GetProperty("source_after").GetString());
        Assert.Equal(42000m, limits.GetProperty("effective_limit").GetDecimal());
        Assert.Equal("granted", limits.GetProperty("source").GetString());
        var last = limits.GetProperty("grants").EnumerateArray().Last();
        Assert.Equal(answer.GetProperty("grant").GetProperty("grant_id").GetInt64(), last.GetProperty("grant_id").GetInt64());
        Assert.True(last.GetProperty("applies_on").GetBoolean());
        Assert.Equal(last.GetProperty("grant_id").GetInt64(), limits.GetProperty("effective_grant_id").GetInt64());

        // The same as `crisk limits show` run directly on the store.
        await using var ledgers = RiskStoreFactory.Open(fixture.Db);
        await using var credit = CreditStoreFactory.Open(fixture.Db);
        var direct = await ShowLimits.HandleAsync(new ShowLimitsRequest(customer, new DateOnly(2026, 6, 30)), ledgers, credit, TimeProvider.System, default);
        Assert.Equal(direct.Effective.Amount, limits.GetProperty("effective_limit").GetDecimal());
        Assert.Equal(direct.Recommended.Limit, limits.GetProperty("recommended_limit").GetDecimal());
        Assert.Equal(direct.Grants.Count, limits.GetProperty("grants").GetArrayLength());
        var audit = await credit.ListAuditAsync(customer, 5);
        Assert.Contains(audit, a => a.Action == "limit.grant" && a.Actor == "carl" && a.After!.Contains("annual review", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TemporaryLimit_ReplacesTheStandingOneWhileValid()
    {
        var customer = await CustomerAsync(4);
        using var standing = await Manager.PostAsJsonAsync($"/api/customers/{customer}/limits", new { amount = 30000m, reason = "base", valid_from = "2026-06-01" });
        using var temporary = await Manager.PostAsJsonAsync($"/api/customers/{customer}/limits",
            new { amount = 45000m, reason = "season", valid_from = "2026-06-15", valid_to = "2026-07-15", temporary = true });
        await JsonOf(standing, HttpStatusCode.Created);
        await JsonOf(temporary, HttpStatusCode.Created);

        var during = await JsonOf(await Manager.GetAsync($"/api/customers/{customer}/limits?as_of=2026-07-15"), HttpStatusCode.OK);
        var after = await JsonOf(await Manager.GetAsync($"/api/customers/{customer}/limits?as_of=2026-07-16"), HttpStatusCode.OK);

        Assert.Equal((45000m, "temporary"), (during.GetProperty("effective_limit").GetDecimal(), during.GetProperty("source").GetString()));
        Assert.Equal((30000m, "granted"), (after.GetProperty("effective_limit").GetDecimal(), after.GetProperty("source").GetString()));
    }

    [Theory]
    [InlineData("""{"reason":"x"}""", "amount")]
    [InlineData("""{"amount":-1,"reason":"x"}""", "amount")]
    [InlineData("""{"amount":1000}""", "reason")]
    [InlineData("""{"amount":1000,"reason":"x","temporary":true}""", "valid_to")]
    [InlineData("""{"amount":1000,"reason":"x","valid_from":"2026-07-10","valid_to":"2026-07-01"}""", "valid_to")]
    [InlineData("""{"amount":1000,"reason":"x","valid_from":"2026-02-30"}""", "valid_from")]
    public async Task BadGrant_Is400NamingTheField_AndGrantsNothing(string body, string field)
    {
        var customer = await CustomerAsync(5);
        await using var credit = CreditStoreFactory.Open(fixture.Db);
        var before = (await credit.ReadLimitGrantsAsync(customer)).Count;

        using var response = await Manager.PostAsync($"/api/customers/{customer}/limits", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await JsonOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(before, (await credit.ReadLimitGrantsAsync(customer)).Count);
    }

    [Fact]
    public async Task Limits_OfAnUnknownCustomer_Are404_AndSalesMayNotSeeThem()
    {
        using var show = await Manager.GetAsync("/api/customers/NO-SUCH/limits");
        using var grant = await Manager.PostAsJsonAsync("/api/customers/NO-SUCH/limits", new { amount = 1m, reason = "x" });
        using var sales = await fixture.ClientFor(UserRoles.Sales).GetAsync($"/api/customers/{await CustomerAsync(0)}/limits");

        await JsonOf(show, HttpStatusCode.NotFound);
        await JsonOf(grant, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, sales.StatusCode);
    }

    [Fact]
    public async Task RegisteredCover_CountsItsValueLessTheHaircut_AndShowsInTheRegister()
    {
        var customer = await CustomerAsync(6);

        using var add = await Manager.PostAsJsonAsync($"/api/customers/{customer}/collateral", new
        {
            kind = "credit_insurance", value = 20000m, haircut = 0.25m, valid_from = "2026-06-01", expiry = "2026-07-20", description = "policy 77",
        });
        var added = await JsonOf(add, HttpStatusCode.Created);
        var mine = await JsonOf(await Manager.GetAsync($"/api/customers/{customer}/collateral?as_of=2026-06-30"), HttpStatusCode.OK);
        var expiring = await JsonOf(await Manager.GetAsync($"/api/collateral?as_of=2026-06-30&status=expiring&customer={customer}"), HttpStatusCode.OK);
        var expired = await JsonOf(await Manager.GetAsync($"/api/collateral?as_of=2026-07-21&status=expired&customer={customer}"), HttpStatusCode.OK);

        Assert.Equal("credit_insurance", added.GetProperty("item").GetProperty("kind").GetString());
        Assert.Equal("carl", added.GetProperty("item").GetProperty("recorded_by").GetString());
        Assert.Equal("collateral.add", added.GetProperty("decision").GetProperty("kind").GetString());
        var row = Assert.Single(mine.EnumerateArray());
        Assert.Equal("expiring", row.GetProperty("status").GetString());
        Assert.Equal(15000m, row.GetProperty("counted_value").GetDecimal());
        Assert.Equal(20, row.GetProperty("days_to_expiry").GetInt32());
        Assert.Equal(1, expiring.GetProperty("total").GetInt32());
        Assert.Equal(15000m, expiring.GetProperty("counted_value").GetDecimal());
        Assert.Equal(1, expired.GetProperty("total").GetInt32());
        Assert.Equal(0m, expired.GetProperty("counted_value").GetDecimal());
    }

    [Theory]
    [InlineData("""{"kind":"pledge","value":100}""", "kind")]
    [InlineData("""{"kind":"deposit","value":0}""", "value")]
    [InlineData("""{"kind":"deposit","value":100,"haircut":1.5}""", "haircut")]
    [InlineData("""{"kind":"deposit","value":100,"valid_from":"2026-07-01","expiry":"2026-06-30"}""", "expiry")]
    public async Task BadCover_Is400NamingTheField_AndRegistersNothing(string body, string field)
    {
        var customer = await CustomerAsync(7);

        using var response = await Manager.PostAsync($"/api/customers/{customer}/collateral", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await JsonOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        var mine = await JsonOf(await Manager.GetAsync($"/api/customers/{customer}/collateral"), HttpStatusCode.OK);
        Assert.Equal(0, mine.GetArrayLength());
    }

    [Fact]
    public async Task Webhook_SecretIsShownOnce_RemovalStopsIt_AndARepeatChangesNothing()
    {
        const string secret = "a shared secret of the ERP side";
        using var add = await Admin.PostAsJsonAsync("/api/webhooks", new { url = "https://erp.example/credit-events", events = new[] { "alert.opened", "alert.resolved" }, secret });
        var added = await JsonOf(add, HttpStatusCode.Created);
        var id = added.GetProperty("subscription").GetProperty("subscription_id").GetInt64();
        using var generated = await Admin.PostAsJsonAsync("/api/webhooks", new { url = "http://other.example/x" });
        var randomSecret = (await JsonOf(generated, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
        var listed = await Admin.GetStringAsync("/api/webhooks");

        using var remove = await Admin.DeleteAsync($"/api/webhooks/{id}");
        using var again = await Admin.DeleteAsync($"/api/webhooks/{id}");
        using var unknown = await Admin.DeleteAsync("/api/webhooks/987654");
        using var after = JsonDocument.Parse(await Admin.GetStringAsync("/api/webhooks"));

        Assert.Equal(secret, added.GetProperty("secret").GetString());
        Assert.Equal(64, randomSecret.Length);
        Assert.Equal(["alert.opened", "alert.resolved"], added.GetProperty("subscription").GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(randomSecret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var row = after.RootElement.EnumerateArray().Single(s => s.GetProperty("subscription_id").GetInt64() == id);
        Assert.False(row.GetProperty("active").GetBoolean());

        await using var credit = CreditStoreFactory.Open(fixture.Db);
        var audit = await credit.ListAuditAsync(null, 200);
        var mine = audit.Where(a => a.Entity == $"webhook_subscription:{id}").Select(a => (a.Action, a.Actor)).ToArray();
        Assert.Equal([("webhook.remove", "ada"), ("webhook.add", "ada")], mine);
        Assert.All(audit, a => Assert.DoesNotContain(secret, $"{a.Before}{a.After}", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(randomSecret, $"{a.Before}{a.After}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"url":"ftp://files.example/x"}""", null)]
    [InlineData("""{"url":"not a url"}""", null)]
    [InlineData("""{}""", "url")]
    [InlineData("""{"url":"https://x.example","secret":"short"}""", "secret")]
    [InlineData("""{"url":"https://x.example","events":["alert.exploded"]}""", null)]
    public async Task BadWebhook_Is400_AndAddsNothing(string body, string? field)
    {
        var before = JsonDocument.Parse(await Admin.GetStringAsync("/api/webhooks")).RootElement.GetArrayLength();

        using var response = await Admin.PostAsync("/api/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await JsonOf(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }

        Assert.Equal(before, JsonDocument.Parse(await Admin.GetStringAsync("/api/webhooks")).RootElement.GetArrayLength());
    }
}
