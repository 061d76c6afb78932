using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Users;
using CustomerRisk.Policy;
using CustomerRisk.Storage.Operations;

namespace CustomerRisk.Server.Tests;

/// <summary>The review queue and the worklist are kept in the store and paged there: page by page they are the lists
/// the use cases compute in memory, and a decision shows on the next request (the kept rows never go stale).</summary>
public sealed class WorkQueueApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Manager.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>Every page of a list at a page size, concatenated, as one JSON array; the total of each page.</summary>
    private async Task<(string Items, int Total, decimal? OverdueAr)> AllPagesAsync(string path, int pageSize)
    {
        var items = new List<JsonElement>();
        int total;
        decimal? overdue = null;
        for (var page = 1; ; page++)
        {
            var one = await GetAsync($"{path}&page={page}&page_size={pageSize}");
            total = one.GetProperty("total").GetInt32();
            overdue = one.TryGetProperty("overdue_ar", out var o) ? o.GetDecimal() : null;
            items.AddRange(one.GetProperty("items").EnumerateArray());
            if (one.GetProperty("items").GetArrayLength() < pageSize)
            {
                break;
            }
        }

        Assert.Equal(total, items.Count);
        return (JsonSerializer.Serialize(items), total, overdue);
    }

    private static string Normalised<T>(IEnumerable<T> rows) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement[]>(JsonSerializer.Serialize(rows.ToArray(), OperationsJson.Options)));

    [Theory]
    [InlineData(7)]
    [InlineData(500)]
    public async Task Pages_Concatenated_AreTheListsOfTheUseCases_UnderEveryFilter(int pageSize)
    {
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var due = await ReviewsDue.HandleAsync(new ReviewsDueRequest(ServerFixture.AsOf), store, CreditPolicy.Default);
        var all = await ReviewsDue.HandleAsync(new ReviewsDueRequest(ServerFixture.AsOf, DueOnly: false), store, CreditPolicy.Default);
        var worklist = await CollectionWorklist.HandleAsync(ServerFixture.AsOf, store, CreditPolicy.Default);

        var pagedDue = await AllPagesAsync("/api/reviews/due?as_of=2026-06-30", pageSize);
        var pagedAll = await AllPagesAsync("/api/reviews/due?as_of=2026-06-30&all=true", pageSize);
        var pagedWorklist = await AllPagesAsync("/api/collections?as_of=2026-06-30", pageSize);

        Assert.True(due.Count > 0 && worklist.Count > 0);
        Assert.Equal((Normalised(due), due.Count), (pagedDue.Items, pagedDue.Total));
        Assert.Equal((Normalised(all), all.Count), (pagedAll.Items, pagedAll.Total));
        Assert.Equal((Normalised(worklist), worklist.Count, worklist.Sum(r => r.OverdueAr)),
            (pagedWorklist.Items, pagedWorklist.Total, pagedWorklist.OverdueAr!.Value));
    }

    [Fact]
    public async Task ACover_ShowsInTheWorklist_OnTheNextRequest()
    {
        var before = await GetAsync("/api/collections?as_of=2026-06-30&page_size=500");
        var first = before.GetProperty("items")[0];
        var customer = first.GetProperty("customer_id").GetString()!;
        Assert.True(first.GetProperty("lgd").GetDecimal() > 0m);

        // A deposit far above any exposure, at no haircut, covers the whole exposure: LGD 0, so no loss on the overdue part.
        using var cover = await Manager.PostAsJsonAsync($"/api/customers/{customer}/collateral",
            new { kind = "deposit", value = 1_000_000_000m, haircut = 0m, valid_from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, cover.StatusCode);
        var after = await GetAsync("/api/collections?as_of=2026-06-30&page_size=500");

        var row = after.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("customer_id").GetString() == customer);
        Assert.Equal((0m, 0m), (row.GetProperty("lgd").GetDecimal(), row.GetProperty("loss_on_overdue").GetDecimal()));
        Assert.NotEqual(customer, after.GetProperty("items")[0].GetProperty("customer_id").GetString());
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        Assert.Equal(Normalised(await CollectionWorklist.HandleAsync(ServerFixture.AsOf, store, CreditPolicy.Default)),
            (await AllPagesAsync("/api/collections?as_of=2026-06-30", 500)).Items);
    }
}
