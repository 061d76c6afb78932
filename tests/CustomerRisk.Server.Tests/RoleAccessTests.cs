using System.Net;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>Every endpoint for every role, and with no session: the whole access table, one row per pair.</summary>
public sealed class RoleAccessTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Anonymous = "anonymous";

    private static readonly string[] Readers = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector, UserRoles.Sales];

    // Endpoint → the roles allowed; every other signed-in role gets 403, no session 401 (health: open to all).
    // Endpoints that answer 201 Created when allowed.
    private static readonly string[] Creating =
        ["users.add", "reviews.record", "collections.action", "collections.promise", "limits.grant", "collateral.add", "webhooks.add"];

    // Endpoints that answer 204 No Content when allowed.
    private static readonly string[] Emptying = ["users.revoke-token", "webhooks.remove", "me.password", "users.passwd"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["me"] = Readers,
        ["users.list"] = [UserRoles.Admin],
        ["users.add"] = [UserRoles.Admin],
        ["users.token"] = [UserRoles.Admin],
        ["users.tokens"] = [UserRoles.Admin],
        ["users.revoke-token"] = [UserRoles.Admin],
        // Every signed-in user changes their own password; only an admin changes other users.
        ["me.password"] = Readers,
        ["users.passwd"] = [UserRoles.Admin],
        ["users.role"] = [UserRoles.Admin],
        ["users.disable"] = [UserRoles.Admin],
        ["users.enable"] = [UserRoles.Admin],
        ["import"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["customers.list"] = Readers,
        ["customers.filters"] = Readers,
        ["customers.get"] = Readers,
        ["portfolio"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        ["assess"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["models"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["models.detail"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["policy"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        ["alerts.list"] = Readers,
        ["alerts.get"] = Readers,
        ["alerts.ack"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["alerts.resolve"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["alerts.sync"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["reviews.due"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["reviews.get"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["reviews.replay"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["reviews.history"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["reviews.record"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["reviews.recommend"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["reviews.delphi"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["collections.worklist"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        ["collections.evaluate"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Collector],
        ["collections.customer"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        ["collections.action"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Collector],
        ["collections.promise"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Collector],
        ["reports.customer"] = Readers,
        ["reports.portfolio"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst, UserRoles.Collector],
        ["audit.list"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["audit.verify"] = [UserRoles.Admin, UserRoles.CreditManager],
        // Checking an order records a credit decision: not for the analyst or the collector (docs/server.md).
        ["orders.check"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Sales],
        // Limits and covers are credit decisions: read by those who read reviews, decided by those who record them.
        ["limits.show"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["limits.grant"] = [UserRoles.Admin, UserRoles.CreditManager],
        ["collateral.list"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["collateral.customer"] = [UserRoles.Admin, UserRoles.CreditManager, UserRoles.Analyst],
        ["collateral.add"] = [UserRoles.Admin, UserRoles.CreditManager],
        // A subscription sends every customer's alerts to another system: an administrator's decision, like a token.
        ["webhooks.list"] = [UserRoles.Admin],
        ["webhooks.add"] = [UserRoles.Admin],
        ["webhooks.remove"] = [UserRoles.Admin],
        // Seeing and re-queueing deliveries is part of running a subscription: admin only, like the subscription.
        ["webhooks.deliveries"] = [UserRoles.Admin],
        ["webhooks.delivery"] = [UserRoles.Admin],
        ["webhooks.retry"] = [UserRoles.Admin],
        ["webhooks.retry-failed"] = [UserRoles.Admin],
        ["openapi"] = Readers,
        ["health.live"] = [.. Readers, Anonymous],
        ["health.ready"] = [.. Readers, Anonymous],
    };

    public static TheoryData<string, string, int> Table()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var endpoint in Endpoints.All)
        {
            foreach (var role in Readers.Append(Anonymous))
            {
                var ok = Emptying.Contains(endpoint.Name) ? 204 : Creating.Contains(endpoint.Name) ? 201 : 200;
                var expected = Allowed[endpoint.Name].Contains(role) ? ok : role == Anonymous ? 401 : 403;
                data.Add(endpoint.Name, role, expected);
            }
        }

        return data;
    }

    [Fact]
    public void TheTableCoversEveryEndpointOfTheApi()
    {
        Assert.Equal(Allowed.Keys.Order(), Endpoints.All.Select(e => e.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Endpoint_AnswersEachRoleAsTheAccessTableSays(string endpoint, string role, int expected)
    {
        var client = role == Anonymous ? fixture.Anonymous() : fixture.ClientFor(role);
        using var request = Endpoints.Request(Endpoints.Named(endpoint), await OwnCustomerAsync(), fixture);
        request.RequestUri = new Uri(await Endpoints.WithRevocableTokenAsync(request.RequestUri!.OriginalString, fixture.Db), UriKind.Relative);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{endpoint} as {role}: {(int)response.StatusCode} {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<string> OwnCustomerAsync()
    {
        using var response = await fixture.ClientFor(UserRoles.Sales).GetAsync("/api/customers?page_size=1&sort=customer_id");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items")[0].GetProperty("customer_id").GetString()!;
    }
}
