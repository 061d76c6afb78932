using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Users;
using CustomerRisk.Policy;
using CustomerRisk.Storage.Operations;

namespace CustomerRisk.Server.Tests;

/// <summary>The alert, review and collection endpoints worked by hand: each decision is checked in the answer, in what
/// a later read shows, and against the use cases run directly on the same store.</summary>
public sealed class OperationsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await JsonOf(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Acknowledge_SetsStatusWhoAndWhen_AndARepeatIsAConflictThatChangesNothing()
    {
        var id = fixture.NextOpenAlert();
        Assert.NotEqual(0, id);

        using var ack = await Manager.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = "calling the buyer" });
        var answer = await JsonOf(ack, HttpStatusCode.OK);
        var stored = await GetAsync(Manager, $"/api/alerts/{id}");
        using var again = await Manager.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = "twice" });
        var refusal = await JsonOf(again, HttpStatusCode.Conflict);
        var after = await GetAsync(Manager, $"/api/alerts/{id}");

        var alert = answer.GetProperty("alert");
        Assert.Equal("acknowledged", alert.GetProperty("status").GetString());
        Assert.Equal("carl", alert.GetProperty("acknowledged_by").GetString());
        Assert.Equal("calling the buyer", alert.GetProperty("acknowledge_note").GetString());
        Assert.True(alert.GetProperty("acknowledged_at").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Equal("alert.acknowledge", answer.GetProperty("decision").GetProperty("kind").GetString());
        Assert.Equal("acknowledged", stored.GetProperty("status").GetString());
        Assert.Equal("carl", stored.GetProperty("acknowledged_by").GetString());
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already acknowledged by carl", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(stored.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Resolve_NeedsAReason_ClosesTheAlert_AndThenRefusesAckAndResolve()
    {
        var id = fixture.NextOpenAlert();

        using var noNote = await Manager.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { note = "  " });
        var invalid = await JsonOf(noNote, HttpStatusCode.BadRequest);
        Assert.Equal("open", (await GetAsync(Manager, $"/api/alerts/{id}")).GetProperty("status").GetString());
        using var resolve = await Manager.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { note = "paid in full on 1 July" });
        var resolved = (await JsonOf(resolve, HttpStatusCode.OK)).GetProperty("alert");
        using var resolveAgain = await Manager.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { note = "again" });
        using var ackAfter = await Manager.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { });

        Assert.True(invalid.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("carl", resolved.GetProperty("resolved_by").GetString());
        Assert.Equal("paid in full on 1 July", resolved.GetProperty("resolution").GetString());
        Assert.Equal(JsonValueKind.String, resolved.GetProperty("resolved_on").ValueKind);
        await JsonOf(resolveAgain, HttpStatusCode.Conflict);
        await JsonOf(ackAfter, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AcknowledgingAnAcknowledgedAlert_ThenResolvingIt_IsAllowed()
    {
        var id = fixture.NextOpenAlert();

        using var ack = await Manager.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = (string?)null });
        using var resolve = await Manager.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { note = "limit lowered" });

        Assert.Equal(JsonValueKind.Null, (await JsonOf(ack, HttpStatusCode.OK)).GetProperty("alert").GetProperty("acknowledge_note").ValueKind);
        var alert = (await JsonOf(resolve, HttpStatusCode.OK)).GetProperty("alert");
        Assert.Equal("resolved", alert.GetProperty("status").GetString());
        Assert.Equal("carl", alert.GetProperty("acknowledged_by").GetString());
    }

    [Fact]
    public async Task UnknownAlert_Is404_ForReadAckAndResolve()
    {
        using var ack = await Manager.PostAsJsonAsync("/api/alerts/99999999/acknowledge", new { note = "x" });
        using var resolve = await Manager.PostAsJsonAsync("/api/alerts/99999999/resolve", new { note = "x" });
        using var get = await Manager.GetAsync("/api/alerts/99999999");

        await JsonOf(ack, HttpStatusCode.NotFound);
        await JsonOf(resolve, HttpStatusCode.NotFound);
        await JsonOf(get, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AlertList_IsTheUseCasesQueue_FilteredAndPaged()
    {
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var direct = await ListAlerts.HandleAsync(new ListAlertsRequest(null), store);

        var all = await GetAsync(Manager, "/api/alerts?status=all&page_size=500");
        var extreme = await GetAsync(Manager, "/api/alerts?status=all&severity=extreme&page_size=500");
        var rule = direct[0].RuleId;
        var byRule = await GetAsync(Manager, $"/api/alerts?status=all&rule={rule}&page_size=500");
        var customer = direct[^1].CustomerId;
        var byCustomer = await GetAsync(Manager, $"/api/alerts?status=all&customer={customer}&page_size=500");
        var second = await GetAsync(Manager, "/api/alerts?status=all&page=2&page_size=3");

        Assert.Equal(direct.Count, all.GetProperty("total").GetInt32());
        Assert.Equal(direct.Select(a => a.AlertId), all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("alert_id").GetInt64()));
        Assert.Equal(direct.Count(a => a.Severity == "extreme"), extreme.GetProperty("total").GetInt32());
        Assert.All(extreme.GetProperty("items").EnumerateArray(), a => Assert.Equal("extreme", a.GetProperty("severity").GetString()));
        Assert.Equal(direct.Count(a => a.RuleId == rule), byRule.GetProperty("total").GetInt32());
        Assert.Equal(direct.Count(a => a.CustomerId == customer), byCustomer.GetProperty("total").GetInt32());
        Assert.Equal(direct.Skip(3).Take(3).Select(a => a.AlertId), second.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("alert_id").GetInt64()));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task AlertList_DefaultsToOpenAlerts()
    {
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var open = await ListAlerts.HandleAsync(new ListAlertsRequest(AlertStatus.Open), store);

        var list = await GetAsync(Manager, "/api/alerts?page_size=500");

        Assert.Equal(open.Count, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Equal("open", a.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("status=closed")]
    [InlineData("severity=critical")]
    [InlineData("page=0")]
    [InlineData("page_size=501")]
    public async Task AlertList_BadFilter_IsAProblemNamingTheField(string query)
    {
        using var response = await Manager.GetAsync("/api/alerts?" + query);

        var problem = await JsonOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Split('=')[0], out _), problem.GetRawText());
    }

    [Fact]
    public async Task SalesUser_SeesOnlyTheirOwnersAlerts_AndAnotherOwnersAre404()
    {
        var sales = fixture.ClientFor(UserRoles.Sales);
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var own = (await store.ReadCustomersAsync(null)).Where(c => c.SalesOwner == ServerFixture.SalesOwner).Select(c => c.CustomerId).ToHashSet();
        var direct = (await ListAlerts.HandleAsync(new ListAlertsRequest(null), store)).Count(a => own.Contains(a.CustomerId));

        var list = await GetAsync(sales, "/api/alerts?status=all&page_size=500");
        using var otherCustomer = await sales.GetAsync($"/api/alerts?customer={fixture.OtherOwnerCustomer}");
        using var otherAlert = await sales.GetAsync($"/api/alerts/{fixture.OtherOwnerAlert}");
        using var ownAlert = await sales.GetAsync($"/api/alerts/{fixture.SalesOwnerAlert}");
        using var ack = await sales.PostAsJsonAsync($"/api/alerts/{fixture.SalesOwnerAlert}/acknowledge", new { note = "mine" });

        Assert.True(direct > 0);
        Assert.Equal(direct, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Contains(a.GetProperty("customer_id").GetString()!, own));
        await JsonOf(otherCustomer, HttpStatusCode.NotFound);
        await JsonOf(otherAlert, HttpStatusCode.NotFound);
        await JsonOf(ownAlert, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, ack.StatusCode);
    }

    [Fact]
    public async Task Acknowledge_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var id = fixture.NextOpenAlert();
        using var client = fixture.Factory.CreateClient();
        using var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "carl", password = ServerFixture.Password });
        signIn.EnsureSuccessStatusCode();

        using var ack = await client.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, ack.StatusCode);
        Assert.Equal("open", (await GetAsync(Manager, $"/api/alerts/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RecordedReview_ShowsInTheCustomersHistory_AndReplaysTheSame()
    {
        var customer = await FirstReviewCustomerAsync();

        using var record = await Manager.PostAsJsonAsync($"/api/customers/{customer}/reviews",
            new { decision = "hold", reason = "waiting for the accounts", reviewed_on = "2026-06-30" });
        var saved = (await JsonOf(record, HttpStatusCode.Created)).GetProperty("review");
        var id = saved.GetProperty("review_id").GetInt64();
        var history = await GetAsync(Manager, $"/api/customers/{customer}/reviews");
        var replay = await GetAsync(fixture.ClientFor(UserRoles.Analyst), $"/api/reviews/{id}/replay");

        Assert.Equal("carl", saved.GetProperty("reviewer").GetString());
        Assert.Equal("hold", saved.GetProperty("decision").GetString());
        Assert.Equal("2026-06-30", saved.GetProperty("reviewed_on").GetString());
        Assert.Equal(CreditPolicy.Default.Version, saved.GetProperty("snapshot").GetProperty("policy_version").GetString());
        Assert.Equal(id, history[0].GetProperty("review_id").GetInt64());
        Assert.Equal("waiting for the accounts", history[0].GetProperty("reason").GetString());
        Assert.True(replay.GetProperty("same").GetBoolean());
    }

    [Fact]
    public async Task RecordedReview_LeavesTheCustomerDueNoMore()
    {
        // A customer due by the interval alone: a grade drop or an extreme alert would keep it due after a review.
        var due = await GetAsync(Manager, "/api/reviews/due?as_of=2026-06-30&page_size=500");
        var first = due.GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("triggers").EnumerateArray().Select(t => t.GetString()).SequenceEqual(["interval"]));
        var customer = first.GetProperty("customer_id").GetString()!;
        Assert.True(first.GetProperty("due").GetBoolean());

        using var record = await Manager.PostAsJsonAsync($"/api/customers/{customer}/reviews",
            new { decision = "keep", reason = "reviewed", reviewed_on = "2026-06-30" });
        await JsonOf(record, HttpStatusCode.Created);
        var after = await GetAsync(Manager, "/api/reviews/due?as_of=2026-06-30&page_size=500");
        var all = await GetAsync(Manager, "/api/reviews/due?as_of=2026-06-30&all=true&page_size=500");

        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), r => r.GetProperty("customer_id").GetString() == customer);
        var row = all.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("customer_id").GetString() == customer);
        Assert.Equal("2026-06-30", row.GetProperty("last_review").GetString());
        Assert.False(row.GetProperty("due").GetBoolean());
    }

    [Theory]
    [InlineData("{\"decision\":\"approve\",\"reason\":\"x\"}", "decision")]
    [InlineData("{\"decision\":\"keep\",\"reason\":\" \"}", "reason")]
    [InlineData("{\"decision\":\"keep\",\"reason\":\"x\",\"reviewed_on\":\"30.06.2026\"}", "reviewed_on")]
    [InlineData("{\"decision\":\"raise_limit\",\"reason\":\"x\",\"new_limit\":-1}", "new_limit")]
    [InlineData("{\"decision\":\"change_terms\",\"reason\":\"x\",\"new_terms_days\":-5}", "new_terms_days")]
    public async Task RecordReview_BadInput_IsAProblemNamingTheField_AndRecordsNothing(string body, string field)
    {
        var customer = await FirstReviewCustomerAsync();
        var before = (await GetAsync(Manager, $"/api/customers/{customer}/reviews")).GetArrayLength();

        using var response = await Manager.PostAsync($"/api/customers/{customer}/reviews",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await JsonOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(before, (await GetAsync(Manager, $"/api/customers/{customer}/reviews")).GetArrayLength());
    }

    [Fact]
    public async Task RecordReview_OfAnUnknownCustomer_Is404_AndAnAnalystMayNotRecord()
    {
        using var unknown = await Manager.PostAsJsonAsync("/api/customers/NO-SUCH/reviews", new { decision = "keep", reason = "x" });
        using var analyst = await fixture.ClientFor(UserRoles.Analyst).PostAsJsonAsync($"/api/customers/{await FirstReviewCustomerAsync()}/reviews",
            new { decision = "keep", reason = "x" });

        await JsonOf(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
    }

    [Fact]
    public async Task Delphi_OfACustomerWithoutExpertScores_Is404()
    {
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var customers = await store.ReadCustomersAsync(null);
        string? without = null;
        foreach (var c in customers)
        {
            if ((await store.ReadExpertScoresAsync(c.CustomerId)).Count == 0)
            {
                without = c.CustomerId;
                break;
            }
        }

        var with = await GetAsync(Manager, $"/api/customers/{fixture.DelphiCustomer}/delphi");
        using var none = await Manager.GetAsync($"/api/customers/{without}/delphi");

        Assert.Equal(fixture.DelphiCustomer, with.GetProperty("customer_id").GetString());
        Assert.True(with.GetProperty("rounds").GetArrayLength() > 0);
        await JsonOf(none, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Worklist_IsOrderedByLossOnOverdue_AsTheUseCaseSays()
    {
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var direct = await CollectionWorklist.HandleAsync(ServerFixture.AsOf, store, CreditPolicy.Default);

        var list = await GetAsync(Manager, "/api/collections?as_of=2026-06-30&page_size=500");

        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(direct.Count, list.GetProperty("total").GetInt32());
        Assert.Equal(direct.Select(r => r.CustomerId), items.Select(i => i.GetProperty("customer_id").GetString()));
        Assert.Equal(direct.Sum(r => r.OverdueAr), list.GetProperty("overdue_ar").GetDecimal());
        for (var i = 1; i < items.Length; i++)
        {
            Assert.True(items[i].GetProperty("loss_on_overdue").GetDecimal() <= items[i - 1].GetProperty("loss_on_overdue").GetDecimal());
        }
    }

    [Fact]
    public async Task PromiseAndAction_ShowInTheWorklist_AndInTheCustomersCollections()
    {
        var collector = fixture.ClientFor(UserRoles.Collector);
        var worklist = await GetAsync(collector, "/api/collections?as_of=2026-06-30&page_size=500");
        var customer = worklist.GetProperty("items")[worklist.GetProperty("total").GetInt32() - 1].GetProperty("customer_id").GetString()!;

        using var promise = await collector.PostAsJsonAsync($"/api/customers/{customer}/collections/promises",
            new { amount = 2500.50m, pay_by = "2026-07-20", promised_on = "2026-06-30", note = "half now" });
        var promised = (await JsonOf(promise, HttpStatusCode.Created)).GetProperty("promise");
        using var action = await collector.PostAsJsonAsync($"/api/customers/{customer}/collections/actions",
            new { kind = "call", action_date = "2026-06-30", note = "spoke to the treasurer" });
        var acted = (await JsonOf(action, HttpStatusCode.Created)).GetProperty("action");
        var after = await GetAsync(collector, "/api/collections?as_of=2026-06-30&page_size=500");
        var mine = await GetAsync(collector, $"/api/customers/{customer}/collections");

        Assert.Equal("cole", promised.GetProperty("recorded_by").GetString());
        Assert.Equal("open", promised.GetProperty("status").GetString());
        Assert.Equal(2500.50m, promised.GetProperty("amount").GetDecimal());
        Assert.Equal("cole", acted.GetProperty("by").GetString());
        Assert.Equal("call", acted.GetProperty("kind").GetString());
        var row = after.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("customer_id").GetString() == customer);
        Assert.Equal(promised.GetProperty("promise_id").GetInt64(), row.GetProperty("open_promise").GetProperty("promise_id").GetInt64());
        Assert.Equal("2026-07-20", row.GetProperty("open_promise").GetProperty("pay_by").GetString());
        Assert.Equal(acted.GetProperty("action_id").GetInt64(), row.GetProperty("last_action").GetProperty("action_id").GetInt64());
        Assert.Contains(mine.GetProperty("promises").EnumerateArray(), p => p.GetProperty("promise_id").GetInt64() == promised.GetProperty("promise_id").GetInt64());
        Assert.Contains(mine.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action_id").GetInt64() == acted.GetProperty("action_id").GetInt64());
    }

    [Theory]
    [InlineData("{\"amount\":0,\"pay_by\":\"2026-07-20\"}", "amount")]
    [InlineData("{\"amount\":-10,\"pay_by\":\"2026-07-20\"}", "amount")]
    [InlineData("{\"amount\":10}", "pay_by")]
    [InlineData("{\"amount\":10,\"pay_by\":\"2026-06-01\",\"promised_on\":\"2026-06-30\"}", "pay_by")]
    [InlineData("{\"amount\":10,\"pay_by\":\"soon\"}", "pay_by")]
    public async Task RecordPromise_BadInput_IsAProblemNamingTheField(string body, string field)
    {
        using var response = await Manager.PostAsync($"/api/customers/{fixture.OtherOwnerCustomer}/collections/promises",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await JsonOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task RecordAction_OfAnUnknownKind_Is400_AndOfAnUnknownCustomer404()
    {
        using var kind = await Manager.PostAsJsonAsync($"/api/customers/{fixture.OtherOwnerCustomer}/collections/actions", new { kind = "fax" });
        using var unknown = await Manager.PostAsJsonAsync("/api/customers/NO-SUCH/collections/actions", new { kind = "email" });

        var problem = await JsonOf(kind, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        await JsonOf(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customer360_ShowsAlertsReviewsAndCollections_AsTheRoleMayRead()
    {
        var customer = fixture.OtherOwnerCustomer;
        using var promise = await Manager.PostAsJsonAsync($"/api/customers/{customer}/collections/promises",
            new { amount = 100m, pay_by = "2026-07-31", promised_on = "2026-06-30" });
        await JsonOf(promise, HttpStatusCode.Created);
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var alerts = await ListAlerts.HandleAsync(new ListAlertsRequest(null, customer), store);
        var reviews = await store.ReadReviewsAsync(customer);

        var manager = (await GetAsync(Manager, $"/api/customers/{customer}")).GetProperty("operations");
        var collector = (await GetAsync(fixture.ClientFor(UserRoles.Collector), $"/api/customers/{customer}")).GetProperty("operations");

        Assert.Equal(alerts.Select(a => a.AlertId).Order(), manager.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alert_id").GetInt64()).Order());
        Assert.Equal(reviews.Count, manager.GetProperty("reviews").GetArrayLength());
        Assert.Contains(manager.GetProperty("collections").GetProperty("promises").EnumerateArray(), p => p.GetProperty("amount").GetDecimal() == 100m);
        Assert.Equal(JsonValueKind.Null, collector.GetProperty("reviews").ValueKind);
        Assert.Equal(JsonValueKind.Object, collector.GetProperty("collections").ValueKind);
    }

    [Fact]
    public async Task Customer360_OfASalesUser_ShowsTheirCustomersAlerts_ButNoReviewsOrCollections()
    {
        await using var store = OperationsStoreFactory.Open(fixture.Db);
        var alert = await store.ReadAlertAsync(fixture.SalesOwnerAlert);

        var view = (await GetAsync(fixture.ClientFor(UserRoles.Sales), $"/api/customers/{alert!.CustomerId}")).GetProperty("operations");

        Assert.Contains(view.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("alert_id").GetInt64() == fixture.SalesOwnerAlert);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("reviews").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("collections").ValueKind);
    }

    // A customer with a saved assessment (every customer of the fixture has one).
    private async Task<string> FirstReviewCustomerAsync()
    {
        var due = await GetAsync(Manager, "/api/reviews/due?as_of=2026-06-30&all=true&page_size=500");
        return due.GetProperty("items")[due.GetProperty("total").GetInt32() - 1].GetProperty("customer_id").GetString()!;
    }
}
