using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>The server on PostgreSQL (CRISK_TEST_PG): sign-in, list, 360, portfolio, a sales user's scope. Skipped with
/// the reason when no server is configured.</summary>
public sealed class PostgresSmokeTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [PostgresFact]
    public async Task ListAnd360AndPortfolio_WorkOnPostgres()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);

        using var list = JsonDocument.Parse(await manager.GetStringAsync("/api/customers?page_size=5&grade=A"));
        using var all = JsonDocument.Parse(await manager.GetStringAsync("/api/customers?page_size=500&q=c0"));
        var id = all.RootElement.GetProperty("items")[0].GetProperty("customer_id").GetString()!;
        using var customer = JsonDocument.Parse(await manager.GetStringAsync("/api/customers/" + id));
        using var portfolio = JsonDocument.Parse(await manager.GetStringAsync("/api/portfolio"));
        using var ready = await fixture.Anonymous().GetAsync("/health/ready");

        Assert.True(list.RootElement.GetProperty("total").GetInt32() > 0);
        Assert.Equal(2, customer.RootElement.GetProperty("trend").GetArrayLength());
        Assert.Equal(120, portfolio.RootElement.GetProperty("portfolio").GetProperty("customers").GetInt32());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [PostgresFact]
    public async Task AuditFiltersAndVerify_WorkOnPostgres()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);

        using var family = JsonDocument.Parse(await manager.GetStringAsync("/api/audit?kind=limit&user=carl&from=2026-07-01&to=2026-07-01"));
        using var none = JsonDocument.Parse(await manager.GetStringAsync("/api/audit?to=2026-06-30"));
        using var verify = JsonDocument.Parse(await manager.GetStringAsync("/api/audit/verify"));

        // seq 8: the sample's limit grant, after the review (1), the five users added (2–6) and the analyst's token (7).
        Assert.Equal([8L], family.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
        Assert.Equal(0, none.RootElement.GetProperty("total").GetInt64());
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean());
    }

    [PostgresFact]
    public async Task ModelCurvesAndStability_WorkOnPostgres()
    {
        var analyst = fixture.ClientFor(UserRoles.Analyst);

        using var list = JsonDocument.Parse(await analyst.GetStringAsync("/api/models"));
        using var detail = JsonDocument.Parse(await analyst.GetStringAsync($"/api/models/{ModelSample.ModelId}/versions/1"));

        Assert.Equal([true, false], list.RootElement.GetProperty("registered").EnumerateArray().Select(m => m.GetProperty("has_curves").GetBoolean()));
        Assert.Equal(10, detail.RootElement.GetProperty("curves").GetProperty("calibration").GetArrayLength());
        Assert.Equal(120, detail.RootElement.GetProperty("stability").GetProperty("customers").GetInt32());
    }

    [PostgresFact]
    public async Task SalesUser_SeesOnlyTheirOwnCustomers_OnPostgres()
    {
        using var json = JsonDocument.Parse(await fixture.ClientFor(UserRoles.Sales).GetStringAsync("/api/customers?page_size=500"));

        var owners = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sales_owner").GetString()).Distinct();
        Assert.Equal(new[] { ServerFixture.SalesOwner }, owners.Select(o => o!));
    }

    [PostgresFact]
    public async Task AlertReviewAndPromise_AreRecordedOnPostgres()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);
        var alert = fixture.NextOpenAlert();
        var customer = fixture.OtherOwnerCustomer;

        using var ack = await manager.PostAsJsonAsync($"/api/alerts/{alert}/acknowledge", new { note = "on it" });
        using var again = await manager.PostAsJsonAsync($"/api/alerts/{alert}/acknowledge", new { note = "again" });
        using var review = await manager.PostAsJsonAsync($"/api/customers/{customer}/reviews", new { decision = "keep", reason = "fine", reviewed_on = "2026-06-30" });
        using var promise = await manager.PostAsJsonAsync($"/api/customers/{customer}/collections/promises",
            new { amount = 50m, pay_by = "2026-07-10", promised_on = "2026-06-30" });
        using var view = JsonDocument.Parse(await manager.GetStringAsync("/api/customers/" + customer));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Equal(HttpStatusCode.Created, promise.StatusCode);
        var operations = view.RootElement.GetProperty("operations");
        Assert.Contains(operations.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("reason").GetString() == "fine");
        Assert.Contains(operations.GetProperty("collections").GetProperty("promises").EnumerateArray(), p => p.GetProperty("amount").GetDecimal() == 50m);
    }

    [PostgresFact]
    public async Task LimitCoverAndWebhook_AreRecordedOnPostgres()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);
        var admin = fixture.ClientFor(UserRoles.Admin);
        var customer = fixture.OtherOwnerCustomer;

        using var grant = await manager.PostAsJsonAsync($"/api/customers/{customer}/limits", new { amount = 12345m, reason = "pg", valid_from = "2026-06-01" });
        using var limits = JsonDocument.Parse(await manager.GetStringAsync($"/api/customers/{customer}/limits?as_of=2026-06-30"));
        using var cover = await manager.PostAsJsonAsync($"/api/customers/{customer}/collateral", new { kind = "deposit", value = 1000m, valid_from = "2026-06-01" });
        using var covers = JsonDocument.Parse(await manager.GetStringAsync($"/api/collateral?as_of=2026-06-30&customer={customer}"));
        using var hook = await admin.PostAsJsonAsync("/api/webhooks", new { url = "https://pg.example/hook" });
        using var added = JsonDocument.Parse(await hook.Content.ReadAsStringAsync());
        var id = added.RootElement.GetProperty("subscription").GetProperty("subscription_id").GetInt64();
        using var remove = await admin.DeleteAsync($"/api/webhooks/{id}");
        using var hooks = JsonDocument.Parse(await admin.GetStringAsync("/api/webhooks"));

        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        Assert.Equal(12345m, limits.RootElement.GetProperty("effective_limit").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, cover.StatusCode);
        Assert.Equal(1000m, covers.RootElement.GetProperty("counted_value").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.False(hooks.RootElement.EnumerateArray().Single(h => h.GetProperty("subscription_id").GetInt64() == id).GetProperty("active").GetBoolean());
    }
}

/// <summary>A fact that is skipped, with the reason, when CRISK_TEST_PG is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CRISK_TEST_PG")))
        {
            Skip = "CRISK_TEST_PG is not set: no PostgreSQL server to test against (.ci/run starts one with .ci/postgres.sh).";
        }
    }
}
