using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage;
using CustomerRisk.Storage.Credit;

namespace CustomerRisk.Server.Tests;

/// <summary>POST /api/orders/check: the same answer as `crisk check-order --format json`, recorded and audited, an
/// approved order counting as exposure for the next check, the sales owner scope, and bad requests refused.</summary>
public sealed class OrdersApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string AsOf = "2026-06-30";

    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    [Fact]
    public async Task Check_AnswersTheCommandLinesJson_AndRecordsTheCheck()
    {
        var customer = await CustomerAsync("A", 0);

        using var response = await Manager.PostAsJsonAsync("/api/orders/check",
            new { customer_id = customer, amount = 1234.5m, order_id = "WEB-1", as_of = AsOf });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var credit = CreditStoreFactory.Open(fixture.Db);
        var record = (await credit.ListOrderChecksAsync(customer, 10)).First(c => c.OrderId == "WEB-1");
        // Exactly what crisk check-order --format json prints for the recorded check: keys, values, nothing more.
        var cli = JsonNode.Parse(CreditJson.Write(CheckOrderAnswer.Of(record)));
        Assert.True(JsonNode.DeepEquals(cli, JsonNode.Parse(body)), $"API {body} vs CLI {cli!.ToJsonString()}");
        Assert.Equal(["decision", "exposure", "limit", "reasons"], JsonNode.Parse(body)!.AsObject().Select(p => p.Key).Order());
        Assert.Equal((1234.5m, new DateOnly(2026, 6, 30), "carl"), (record.Amount, record.AsOf, record.Actor));
        var audit = await credit.ListAuditAsync(customer, 10);
        Assert.Contains(audit, a => a.Action == "order.check" && a.Entity == "order:WEB-1" && a.Actor == "carl");
    }

    [Fact]
    public async Task ApprovedOrder_CountsAsExposure_ForTheNextCheck()
    {
        var customer = await CustomerAsync("A", 1);
        await GrantAsync(customer, 50_000_000m);

        var first = await CheckAsync(Manager, customer, 10_000m, "WEB-APPROVE-1");
        var second = await CheckAsync(Manager, customer, 2_500m, "WEB-APPROVE-2");

        Assert.Equal("approve", first.GetProperty("decision").GetString());
        Assert.Equal(50_000_000m, first.GetProperty("limit").GetDecimal());
        // The second sees the first as an open order: its exposure is the first's plus its own amount.
        Assert.Equal(first.GetProperty("exposure").GetDecimal() + 2_500m, second.GetProperty("exposure").GetDecimal());
    }

    [Fact]
    public async Task OrderOverTheLimit_IsBlockedWithTheRuleAndNumbers()
    {
        var customer = await CustomerAsync("A", 2);
        await GrantAsync(customer, 1_000m);

        var answer = await CheckAsync(Manager, customer, 1_000_000m, "WEB-BIG");

        Assert.Equal("block", answer.GetProperty("decision").GetString());
        var reasons = answer.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("rule").GetString()).ToArray();
        Assert.Contains("block_over_limit", reasons);
        Assert.Equal(1_000m, answer.GetProperty("limit").GetDecimal());
    }

    [Fact]
    public async Task SalesUser_ChecksOwnCustomers_AndGets404ForAnyOther()
    {
        var sales = fixture.ClientFor(UserRoles.Sales);
        using var list = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?page_size=500&sort=customer_id"));
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToArray();
        var own = items.First(i => i.GetProperty("sales_owner").GetString() == ServerFixture.SalesOwner).GetProperty("customer_id").GetString();
        var other = items.First(i => i.GetProperty("sales_owner").GetString() != ServerFixture.SalesOwner).GetProperty("customer_id").GetString();

        using var mine = await sales.PostAsJsonAsync("/api/orders/check", new { customer_id = own, amount = 10m, as_of = AsOf });
        using var theirs = await sales.PostAsJsonAsync("/api/orders/check", new { customer_id = other, amount = 10m, as_of = AsOf });
        using var nobody = await sales.PostAsJsonAsync("/api/orders/check", new { customer_id = "NO-SUCH", amount = 10m, as_of = AsOf });

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        // Not revealed: another owner's customer is answered exactly as one that does not exist.
        Assert.Equal(Normalise(await nobody.Content.ReadAsStringAsync(), "NO-SUCH"), Normalise(await theirs.Content.ReadAsStringAsync(), other!));
        await using var credit = CreditStoreFactory.Open(fixture.Db);
        Assert.Empty(await credit.ListOrderChecksAsync(other!, 10));
    }

    [Fact]
    public async Task UnknownCustomer_Is404_AndNothingIsRecorded()
    {
        using var response = await Manager.PostAsJsonAsync("/api/orders/check", new { customer_id = "NO-SUCH-1", amount = 10m, as_of = AsOf });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var credit = CreditStoreFactory.Open(fixture.Db);
        Assert.Empty(await credit.ListOrderChecksAsync("NO-SUCH-1", 10));
    }

    [Theory]
    [InlineData("{\"amount\": 10}", "customer_id")]
    [InlineData("{\"customer_id\": \"   \", \"amount\": 10}", "customer_id")]
    [InlineData("{\"customer_id\": \"C00001\"}", "amount")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 0}", "amount")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": -5}", "amount")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 1000000000000.01}", "amount")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 10, \"order_id\": \"\"}", "order_id")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 10, \"as_of\": \"1899-12-31\"}", "as_of")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 10, \"currency\": \"USD\"}", "currency")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 10, \"currency\": \"E1R\"}", "currency")]
    public async Task BadRequests_Are400_NamingTheField(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await Manager.PostAsync("/api/orders/check", content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": \"ten\"}")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 1e309}")]
    [InlineData("{\"customer_id\": 5, \"amount\": 10}")]
    [InlineData("{\"customer_id\": \"C00001\", \"amount\": 10, \"as_of\": \"30/06/2026\"}")]
    public async Task WronglyTypedValues_Are400(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await Manager.PostAsync("/api/orders/check", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheActivePolicysCurrency_IsAccepted_InAnyCase()
    {
        var customer = await CustomerAsync("B", 0);

        using var response = await Manager.PostAsJsonAsync("/api/orders/check",
            new { customer_id = customer, amount = 10m, as_of = AsOf, currency = "eur" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task InjectionStringsAsCustomerIds_AreNotFound_AndTheStoreIsIntact()
    {
        foreach (var text in new[] { "' OR '1'='1", "'; DROP TABLE order_checks; --", "<script>alert(1)</script>", "😀", new string('A', 200) })
        {
            using var response = await Manager.PostAsJsonAsync("/api/orders/check", new { customer_id = text, amount = 10m, as_of = AsOf });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{text}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }

        await using var credit = CreditStoreFactory.Open(fixture.Db);
        Assert.True((await VerifyAuditTrail.HandleAsync(credit, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task BearerToken_ChecksWithItsUsersRole()
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.AnalystToken);

        using var response = await client.PostAsJsonAsync("/api/orders/check", new { customer_id = "C00001", amount = 10m, as_of = AsOf });

        // The analyst's token: authenticated, but the analyst may not check orders.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static async Task<JsonElement> CheckAsync(HttpClient client, string customer, decimal amount, string orderId)
    {
        using var response = await client.PostAsJsonAsync("/api/orders/check", new { customer_id = customer, amount, order_id = orderId, as_of = AsOf });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> CustomerAsync(string grade, int index)
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync($"/api/customers?grade={grade}&page_size=50&sort=customer_id"));
        return json.RootElement.GetProperty("items")[index].GetProperty("customer_id").GetString()!;
    }

    private async Task GrantAsync(string customer, decimal amount)
    {
        await using var ledgers = RiskStoreFactory.Open(fixture.Db, ServerFixture.Clock);
        await using var credit = CreditStoreFactory.Open(fixture.Db, ServerFixture.Clock);
        await GrantLimit.HandleAsync(new GrantLimitRequest(customer, amount, "maria", "tests", new DateOnly(2026, 1, 1)),
            ledgers, credit, ServerFixture.Clock, CancellationToken.None);
    }

    private static string Normalise(string problem, string customer)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("trace_id");
        return node.ToJsonString().Replace(customer, "ID", StringComparison.Ordinal);
    }
}
