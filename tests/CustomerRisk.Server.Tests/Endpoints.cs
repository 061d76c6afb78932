using System.Net.Http.Json;
using System.Text;

namespace CustomerRisk.Server.Tests;

/// <summary>Every endpoint of the API with a valid request, for the role table and the fuzz tests.</summary>
public static class Endpoints
{
    /// <summary>A customer of the sales test user's owner (demo seed 7 gives anna.berg several).</summary>
    public const string OwnCustomerPlaceholder = "{own}";

    /// <summary>An open alert not used before (each request gets another: acknowledging one twice is refused).</summary>
    public const string OpenAlertPlaceholder = "{alert}";

    /// <summary>An alert of the sales test user's owner.</summary>
    public const string OwnAlertPlaceholder = "{own_alert}";

    /// <summary>The review recorded by the fixture.</summary>
    public const string ReviewPlaceholder = "{review}";

    /// <summary>A customer with expert scores.</summary>
    public const string DelphiCustomerPlaceholder = "{delphi}";
    /// <summary>The id of the model the fixtures register (ModelSample).</summary>
    public const string ModelPlaceholder = "{model}";
    /// <summary>Replaced by the id of a token issued for the request (see <see cref="WithRevocableTokenAsync"/>).</summary>
    public const string RevocableTokenPlaceholder = "{token}";
    /// <summary>Replaced by the id of a webhook subscription added for the request (see <see cref="WithRevocableTokenAsync"/>).</summary>
    public const string WebhookPlaceholder = "{webhook}";
    /// <summary>Replaced by a failed delivery of a subscription of its own, added for the request (see <see cref="WebhookDeliverySample"/>).</summary>
    public const string FailedDeliveryPlaceholder = "{failed_delivery}";

    /// <summary>Replaced by the name of a user added for the request (see <see cref="WithRevocableTokenAsync"/>), so that
    /// changing, disabling or resetting them touches none of the fixture's signed-in users.</summary>
    public const string ThrowawayUserPlaceholder = "{user}";

    public sealed record Endpoint(string Name, HttpMethod Method, string Path, Func<HttpContent?> Body)
    {
        public override string ToString() => Name;
    }

    private static int s_users;

    public static IReadOnlyList<Endpoint> All { get; } =
    [
        new("me", HttpMethod.Get, "/api/me", () => null),
        new("users.list", HttpMethod.Get, "/api/users", () => null),
        new("users.add", HttpMethod.Post, "/api/users", () => JsonContent.Create(new
        {
            user_name = $"new.user{Interlocked.Increment(ref s_users)}", role = "analyst", password = "a long enough password",
        })),
        new("users.token", HttpMethod.Post, "/api/users/ana/tokens", () => JsonContent.Create(new { label = "test" })),
        new("users.tokens", HttpMethod.Get, "/api/users/ana/tokens", () => null),
        // Each call revokes a fresh token of ana's (the first 12 hex digits of its SHA-256 are its id).
        new("users.revoke-token", HttpMethod.Delete, "/api/users/ana/tokens/" + RevocableTokenPlaceholder, () => null),
        // The caller's own password, changed to itself: the session goes on with a new cookie, the password stays the fixture's.
        new("me.password", HttpMethod.Post, "/api/me/password", () => JsonContent.Create(new
        {
            current_password = ServerFixture.Password, new_password = ServerFixture.Password,
        })),
        new("users.passwd", HttpMethod.Put, $"/api/users/{ThrowawayUserPlaceholder}/password",
            () => JsonContent.Create(new { new_password = "a long enough password" })),
        new("users.role", HttpMethod.Put, $"/api/users/{ThrowawayUserPlaceholder}/role", () => JsonContent.Create(new { role = "collector" })),
        new("users.disable", HttpMethod.Post, $"/api/users/{ThrowawayUserPlaceholder}/disable", () => null),
        new("users.enable", HttpMethod.Post, $"/api/users/{ThrowawayUserPlaceholder}/enable", () => null),
        new("import", HttpMethod.Post, "/api/import", ImportBody),
        new("customers.list", HttpMethod.Get, "/api/customers?page_size=5", () => null),
        new("customers.filters", HttpMethod.Get, "/api/customers/filters", () => null),
        new("customers.get", HttpMethod.Get, "/api/customers/" + OwnCustomerPlaceholder, () => null),
        new("portfolio", HttpMethod.Get, "/api/portfolio", () => null),
        new("assess", HttpMethod.Post, "/api/assess", () => JsonContent.Create(new { as_of = "2026-06-30" })),
        new("models", HttpMethod.Get, "/api/models", () => null),
        new("models.detail", HttpMethod.Get, "/api/models/" + ModelPlaceholder + "/versions/1", () => null),
        new("policy", HttpMethod.Get, "/api/policies/active", () => null),
        new("alerts.list", HttpMethod.Get, "/api/alerts?status=all&page_size=5", () => null),
        new("alerts.get", HttpMethod.Get, "/api/alerts/" + OwnAlertPlaceholder, () => null),
        new("alerts.ack", HttpMethod.Post, $"/api/alerts/{OpenAlertPlaceholder}/acknowledge", () => JsonContent.Create(new { note = "calling them" })),
        new("alerts.resolve", HttpMethod.Post, $"/api/alerts/{OpenAlertPlaceholder}/resolve", () => JsonContent.Create(new { note = "paid" })),
        new("alerts.sync", HttpMethod.Post, "/api/alerts/sync", () => JsonContent.Create(new { as_of = "2026-06-30" })),
        new("reviews.due", HttpMethod.Get, "/api/reviews/due?as_of=2026-06-30&all=true&page_size=5", () => null),
        new("reviews.get", HttpMethod.Get, "/api/reviews/" + ReviewPlaceholder, () => null),
        new("reviews.replay", HttpMethod.Get, $"/api/reviews/{ReviewPlaceholder}/replay", () => null),
        new("reviews.history", HttpMethod.Get, $"/api/customers/{OwnCustomerPlaceholder}/reviews", () => null),
        new("reviews.record", HttpMethod.Post, $"/api/customers/{OwnCustomerPlaceholder}/reviews",
            () => JsonContent.Create(new { decision = "keep", reason = "as recommended", reviewed_on = "2026-06-30" })),
        new("reviews.recommend", HttpMethod.Get, $"/api/customers/{OwnCustomerPlaceholder}/reviews/recommendation?reviewed_on=2026-06-30", () => null),
        new("reviews.delphi", HttpMethod.Get, $"/api/customers/{DelphiCustomerPlaceholder}/delphi", () => null),
        new("collections.worklist", HttpMethod.Get, "/api/collections?as_of=2026-06-30&page_size=5", () => null),
        new("collections.evaluate", HttpMethod.Post, "/api/collections/evaluate", () => JsonContent.Create(new { as_of = "2026-06-30" })),
        new("collections.customer", HttpMethod.Get, $"/api/customers/{OwnCustomerPlaceholder}/collections", () => null),
        new("collections.action", HttpMethod.Post, $"/api/customers/{OwnCustomerPlaceholder}/collections/actions",
            () => JsonContent.Create(new { kind = "call", action_date = "2026-06-30", note = "will pay Friday" })),
        new("collections.promise", HttpMethod.Post, $"/api/customers/{OwnCustomerPlaceholder}/collections/promises",
            () => JsonContent.Create(new { amount = 1000m, pay_by = "2026-07-15", promised_on = "2026-06-30" })),
        new("reports.customer", HttpMethod.Get, "/api/reports/customers/" + OwnCustomerPlaceholder + "?format=md", () => null),
        new("reports.portfolio", HttpMethod.Get, "/api/reports/portfolio?format=md", () => null),
        new("audit.list", HttpMethod.Get, "/api/audit?page_size=5", () => null),
        new("audit.verify", HttpMethod.Get, "/api/audit/verify", () => null),
        new("limits.show", HttpMethod.Get, $"/api/customers/{OwnCustomerPlaceholder}/limits?as_of=2026-06-30", () => null),
        new("limits.grant", HttpMethod.Post, $"/api/customers/{OwnCustomerPlaceholder}/limits",
            () => JsonContent.Create(new { amount = 50000m, reason = "annual review", valid_from = "2026-07-01" })),
        new("collateral.list", HttpMethod.Get, "/api/collateral?as_of=2026-06-30&page_size=5", () => null),
        new("collateral.customer", HttpMethod.Get, $"/api/customers/{OwnCustomerPlaceholder}/collateral?as_of=2026-06-30", () => null),
        new("collateral.add", HttpMethod.Post, $"/api/customers/{OwnCustomerPlaceholder}/collateral", () => JsonContent.Create(new
        {
            kind = "guarantee", value = 10000m, haircut = 0.2m, valid_from = "2026-06-01", expiry = "2027-05-31", description = "parent guarantee",
        })),
        new("webhooks.list", HttpMethod.Get, "/api/webhooks", () => null),
        new("webhooks.add", HttpMethod.Post, "/api/webhooks",
            () => JsonContent.Create(new { url = "https://erp.example/hooks", events = new[] { "alert.opened" } })),
        // Each call removes a fresh subscription (removing one twice is 204 too, but would test nothing the second time).
        new("webhooks.remove", HttpMethod.Delete, "/api/webhooks/" + WebhookPlaceholder, () => null),
        new("webhooks.deliveries", HttpMethod.Get, $"/api/webhooks/{WebhookPlaceholder}/deliveries?status=all&page_size=5", () => null),
        new("webhooks.delivery", HttpMethod.Get, "/api/webhooks/deliveries/" + FailedDeliveryPlaceholder, () => null),
        // Each call re-queues a fresh failed delivery (re-queueing one twice is 409).
        new("webhooks.retry", HttpMethod.Post, $"/api/webhooks/deliveries/{FailedDeliveryPlaceholder}/retry", () => null),
        new("webhooks.retry-failed", HttpMethod.Post, $"/api/webhooks/{WebhookPlaceholder}/deliveries/retry", () => null),
        new("orders.check", HttpMethod.Post, "/api/orders/check", () => new StringContent(
            $"{{\"customer_id\":\"{OwnCustomerPlaceholder}\",\"amount\":100,\"as_of\":\"2026-06-30\"}}", Encoding.UTF8, "application/json")),
        new("openapi", HttpMethod.Get, "/openapi/v1.json", () => null),
        new("health.live", HttpMethod.Get, "/health/live", () => null),
        new("health.ready", HttpMethod.Get, "/health/ready", () => null),
    ];

    public static Endpoint Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The path with a freshly issued token of ana in place of <see cref="RevocableTokenPlaceholder"/>, a
    /// freshly added webhook subscription in place of <see cref="WebhookPlaceholder"/>, and a freshly added user in place
    /// of <see cref="ThrowawayUserPlaceholder"/>.</summary>
    public static async Task<string> WithRevocableTokenAsync(string path, string db)
    {
        if (path.Contains(ThrowawayUserPlaceholder, StringComparison.Ordinal))
        {
            var name = $"throwaway.{Interlocked.Increment(ref s_users)}";
            await using var store = CustomerRisk.Storage.ServerStores.OpenUsers(db);
            // No slow hash: nobody signs in as this user.
            await store.AddAsync(new CustomerRisk.Application.Users.UserAccount
            {
                UserName = name, PasswordHash = "not a usable hash", Role = CustomerRisk.Application.Users.UserRole.Analyst, CreatedAt = DateTimeOffset.UnixEpoch,
            });
            return path.Replace(ThrowawayUserPlaceholder, name, StringComparison.Ordinal);
        }

        if (path.Contains(FailedDeliveryPlaceholder, StringComparison.Ordinal))
        {
            var (_, delivery) = await WebhookDeliverySample.AddAsync(db);
            return path.Replace(FailedDeliveryPlaceholder, delivery.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (path.Contains(WebhookPlaceholder, StringComparison.Ordinal))
        {
            await using var store = CustomerRisk.Storage.Operations.OperationsStoreFactory.Open(db);
            var added = await CustomerRisk.Application.Webhooks.AddWebhook.HandleAsync(
                new CustomerRisk.Application.Webhooks.AddWebhookRequest("https://removable.example/hook", By: "tests"), store, TimeProvider.System);
            return path.Replace(WebhookPlaceholder, added.SubscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (!path.Contains(RevocableTokenPlaceholder, StringComparison.Ordinal))
        {
            return path;
        }

        await using var users = CustomerRisk.Storage.ServerStores.OpenUsers(db);
        var issued = await CustomerRisk.Application.Users.IssueApiToken.HandleAsync(
            new CustomerRisk.Application.Users.IssueApiTokenRequest("ana", "revocable"), users, TimeProvider.System, default);
        return path.Replace(RevocableTokenPlaceholder, issued.Record.TokenId, StringComparison.Ordinal);
    }

    /// <summary>One new customer of an owner no test user has, in the import format.</summary>
    public static HttpContent ImportBody()
    {
        var csv = "customer_id,name,region,sales_owner,payment_terms_days\r\nIMP-1,Imported Ltd,North,import.owner,30\r\n";
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", "customers.csv");
        return form;
    }

    public static HttpRequestMessage Request(Endpoint endpoint, string ownCustomer, ServerFixture? fixture = null)
    {
        var content = endpoint.Body();
        // A JSON body may name the sales user's own customer too (the order check).
        if (content is StringContent text && text.Headers.ContentType?.MediaType == "application/json")
        {
            using var reader = new StreamReader(text.ReadAsStream());
            content = new StringContent(reader.ReadToEnd().Replace(OwnCustomerPlaceholder, ownCustomer, StringComparison.Ordinal),
                Encoding.UTF8, "application/json");
        }

        return new(endpoint.Method, PathOf(endpoint, ownCustomer, fixture)) { Content = content };
    }

    /// <summary>The endpoint's path with its placeholders filled in from the fixture's store.</summary>
    public static string PathOf(Endpoint endpoint, string ownCustomer, ServerFixture? fixture)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var path = endpoint.Path.Replace(OwnCustomerPlaceholder, ownCustomer, StringComparison.Ordinal)
            .Replace(ModelPlaceholder, ModelSample.ModelId, StringComparison.Ordinal);
        if (fixture is null)
        {
            return path;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (path.Contains(OpenAlertPlaceholder, StringComparison.Ordinal))
        {
            path = path.Replace(OpenAlertPlaceholder, fixture.NextOpenAlert().ToString(invariant), StringComparison.Ordinal);
        }

        return path.Replace(OwnAlertPlaceholder, fixture.SalesOwnerAlert.ToString(invariant), StringComparison.Ordinal)
            .Replace(ReviewPlaceholder, fixture.ReviewId.ToString(invariant), StringComparison.Ordinal)
            .Replace(DelphiCustomerPlaceholder, fixture.DelphiCustomer, StringComparison.Ordinal);
    }
}
