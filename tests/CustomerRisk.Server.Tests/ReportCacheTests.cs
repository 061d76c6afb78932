using System.Net;
using CustomerRisk.Application.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRisk.Server.Tests;

/// <summary>Reports of one date share one kept assessment: the second report (the portfolio's or any customer's) is built
/// from it without assessing again, and gives the same text; an import changes the data's version, so the next report
/// assesses again and shows the new customer.</summary>
public sealed class ReportCacheTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ReportsOfADate_ShareOneAssessment_UntilTheDataChanges()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);
        var cache = (MemoryCache)fixture.Factory.Services.GetRequiredService<IMemoryCache>();
        const string date = "2026-06-30";

        var first = await manager.GetStringAsync($"/api/reports/portfolio?format=md&as_of={date}");
        var kept = cache.Count;
        var second = await manager.GetStringAsync($"/api/reports/portfolio?format=md&as_of={date}");
        var customer = await manager.GetStringAsync($"/api/reports/customers/{fixture.OtherOwnerCustomer}?format=md&as_of={date}");
        var afterCustomer = cache.Count;
        using var import = await manager.PostAsync("/api/import", Endpoints.ImportBody());
        var afterImport = await manager.GetStringAsync($"/api/reports/portfolio?format=md&as_of={date}");

        Assert.Equal(first, second);
        Assert.Contains(fixture.OtherOwnerCustomer, customer, StringComparison.Ordinal);
        Assert.Equal(kept, afterCustomer);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.NotEqual(first, afterImport);
        Assert.Equal(kept + 1, cache.Count);
    }

    [Fact]
    public async Task SignInsAndOrderChecks_KeepThePortfolioFigures_ACoverMakesTheNextViewAssessAgain()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);
        var cache = (MemoryCache)fixture.Factory.Services.GetRequiredService<IMemoryCache>();
        const string date = "2026-05-31";
        var customer = fixture.OtherOwnerCustomer;

        var first = await manager.GetStringAsync($"/api/portfolio?as_of={date}");
        var kept = cache.Count;
        // Both move the audit chain's head, and neither changes what an assessment computes.
        using var another = await ServerFixture.SignedInClientAsync(fixture.Factory, ServerFixture.Users[UserRoles.Analyst], ServerFixture.Password);
        using var check = await manager.PostAsync("/api/orders/check", new StringContent(
            $"{{\"customer_id\":\"{customer}\",\"amount\":100,\"as_of\":\"2026-06-30\"}}", System.Text.Encoding.UTF8, "application/json"));
        var again = await manager.GetStringAsync($"/api/portfolio?as_of={date}");
        var afterCheck = cache.Count;
        // A cover lowers the customer's loss given default, so the portfolio's expected loss.
        using var cover = await manager.PostAsync($"/api/customers/{customer}/collateral", System.Net.Http.Json.JsonContent.Create(new
        {
            kind = "guarantee", value = 1_000_000m, haircut = 0m, valid_from = "2026-01-01", expiry = "2027-12-31", description = "cache test",
        }));
        var afterCover = await manager.GetStringAsync($"/api/portfolio?as_of={date}");

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(first, again);
        Assert.Equal(kept, afterCheck);
        Assert.True(cover.IsSuccessStatusCode, await cover.Content.ReadAsStringAsync());
        Assert.NotEqual(first, afterCover);
    }
}
