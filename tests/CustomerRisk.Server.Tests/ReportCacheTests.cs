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
}
