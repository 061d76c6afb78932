using System.Net.Http.Json;
using System.Text;

namespace CustomerRisk.Server.Tests;

/// <summary>Every endpoint of the API with a valid request, for the role table and the fuzz tests.</summary>
public static class Endpoints
{
    /// <summary>A customer of the sales test user's owner (demo seed 7 gives anna.berg several).</summary>
    public const string OwnCustomerPlaceholder = "{own}";

    /// <summary>Replaced by the id of a token issued for the request (see <see cref="WithRevocableTokenAsync"/>).</summary>
    public const string RevocableTokenPlaceholder = "{token}";

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
        new("import", HttpMethod.Post, "/api/import", ImportBody),
        new("customers.list", HttpMethod.Get, "/api/customers?page_size=5", () => null),
        new("customers.filters", HttpMethod.Get, "/api/customers/filters", () => null),
        new("customers.get", HttpMethod.Get, "/api/customers/" + OwnCustomerPlaceholder, () => null),
        new("portfolio", HttpMethod.Get, "/api/portfolio", () => null),
        new("assess", HttpMethod.Post, "/api/assess", () => JsonContent.Create(new { as_of = "2026-06-30" })),
        new("models", HttpMethod.Get, "/api/models", () => null),
        new("policy", HttpMethod.Get, "/api/policies/active", () => null),
        new("orders.check", HttpMethod.Post, "/api/orders/check", () => new StringContent(
            $"{{\"customer_id\":\"{OwnCustomerPlaceholder}\",\"amount\":100,\"as_of\":\"2026-06-30\"}}", Encoding.UTF8, "application/json")),
        new("openapi", HttpMethod.Get, "/openapi/v1.json", () => null),
        new("health.live", HttpMethod.Get, "/health/live", () => null),
        new("health.ready", HttpMethod.Get, "/health/ready", () => null),
    ];

    public static Endpoint Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The path with a freshly issued token of ana in place of <see cref="RevocableTokenPlaceholder"/>.</summary>
    public static async Task<string> WithRevocableTokenAsync(string path, string db)
    {
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

    public static HttpRequestMessage Request(Endpoint endpoint, string ownCustomer)
    {
        var content = endpoint.Body();
        // A JSON body may name the sales user's own customer too (the order check).
        if (content is StringContent text && text.Headers.ContentType?.MediaType == "application/json")
        {
            using var reader = new StreamReader(text.ReadAsStream());
            content = new StringContent(reader.ReadToEnd().Replace(OwnCustomerPlaceholder, ownCustomer, StringComparison.Ordinal),
                Encoding.UTF8, "application/json");
        }

        return new(endpoint.Method, endpoint.Path.Replace(OwnCustomerPlaceholder, ownCustomer, StringComparison.Ordinal)) { Content = content };
    }
}
