using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

/// <summary>SearchAuditAsync on both databases: each filter, the action family, characters that LIKE would treat
/// specially, whole-day ranges and paging with the total.</summary>
public sealed class AuditSearchStoreTests
{
    private static async Task<CreditTestStore> WithRecordsAsync(string provider)
    {
        var store = await CreateAsync(provider);
        (string Actor, string Action, string? Customer)[] entries =
        [
            ("carl", "limit.grant", "C1"), ("ada", "limit.temporary", "C2"), ("crisk import", "import", null),
            ("carl", "limits", "C1"), ("carl", "order.check", "C1"),
        ];
        foreach (var (actor, action, customer) in entries)
        {
            await store.Credit.AppendAsync(new AuditEntry { Actor = actor, Action = action, Entity = "x", CustomerId = customer });
        }

        return store;
    }

    private static readonly (string Filters, long[] Expected)[] Cases =
    [
        ("customer=C1", [5, 4, 1]),
        ("kind=limit", [2, 1]),
        ("kind=limit.grant", [1]),
        ("kind=limits", [4]),
        ("kind=limit_grant", []),
        ("kind=%", []),
        ("user=carl", [5, 4, 1]),
        ("user=carl&kind=limit", [1]),
        ("from=2026-11-30&to=2026-11-30", [5, 4, 3, 2, 1]),
        ("to=2026-11-29", []),
        ("from=2026-12-01", []),
    ];

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Search_AppliesEveryFilter_NewestFirst(string provider)
    {
        await using var store = await WithRecordsAsync(provider);
        foreach (var (filters, expected) in Cases)
        {
            var page = await ListAuditTrail.HandleAsync(Query(filters), store.Credit, default);

            Assert.True(expected.SequenceEqual(page.Items.Select(r => r.Seq)), $"{filters}: {string.Join(",", page.Items.Select(r => r.Seq))}");
            Assert.Equal(expected.Length, page.Total);
        }
    }

    private static AuditQuery Query(string filters)
    {
        var query = new AuditQuery();
        foreach (var pair in filters.Split('&'))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            query = key switch
            {
                "customer" => query with { CustomerId = value },
                "kind" => query with { Kind = value },
                "user" => query with { Actor = value },
                "from" => query with { From = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => query with { To = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            };
        }

        return query;
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Search_Pages_WithTheTotalOnEveryPage(string provider)
    {
        await using var store = await WithRecordsAsync(provider);

        var first = await ListAuditTrail.HandleAsync(new AuditQuery { PageSize = 2 }, store.Credit, default);
        var third = await ListAuditTrail.HandleAsync(new AuditQuery { PageSize = 2, Page = 3 }, store.Credit, default);
        var beyond = await ListAuditTrail.HandleAsync(new AuditQuery { PageSize = 2, Page = 4 }, store.Credit, default);

        Assert.Equal([5L, 4], first.Items.Select(r => r.Seq));
        Assert.Equal([1L], third.Items.Select(r => r.Seq));
        Assert.Empty(beyond.Items);
        Assert.All([first, third, beyond], p => Assert.Equal(5, p.Total));
    }
}
