using System.Net;
using System.Text;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>Malformed JSON, wrong types, oversized bodies and injection strings sent to every endpoint, signed in and
/// not: the server answers each with a 4xx (or a normal answer), never a 500, never a stack trace or exception text.</summary>
public sealed class FuzzTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1", "'; DROP TABLE customers; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "../../../../etc/passwd",
        "%00", "\u0000", "${jndi:ldap://x}", "{{7*7}}", "Robert'); DELETE FROM users;--", "😀🚀", "\uFFFF\uD800",
        new string('A', 5000), "-1", "1e309", "NaN", "null", "[]", "{}", "0x7fffffff", "99999999999999999999",
    ];

    private static readonly string[] Bodies =
    [
        "{", "[1,2", "\"unterminated", "null", "[]", "123", "true", "{\"as_of\": 5}", "{\"as_of\": \"2026-13-45\"}",
        "{\"as_of\": [\"x\"]}", "{\"user_name\": {\"a\": 1}, \"password\": 5}", "{\"user_name\": null, \"password\": null}",
        "{\"role\": \"root\", \"user_name\": \"x\", \"password\": \"long enough password\"}", "{\"as_of\": \"9999-12-31\"}",
        "{\"as_of\": \"0001-01-01\"}", "{\"label\": " + new string('9', 400) + "}", "\uFEFF{}", "{\"a\":" + new string('[', 5000) + "}",
    ];

    public static TheoryData<string> EndpointNames()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in Endpoints.All)
        {
            data.Add(endpoint.Name);
        }

        data.Add("sign-in");
        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task MalformedAndWronglyTypedBodies_NeverFailTheServer(string name)
    {
        var (method, path) = Target(name);
        foreach (var client in Clients())
        {
            foreach (var body in Bodies)
            {
                foreach (var type in new[] { "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x" })
                {
                    using var request = new HttpRequestMessage(method == HttpMethod.Get ? HttpMethod.Post : method, path)
                    {
                        Content = new StringContent(body, Encoding.UTF8),
                    };
                    request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
                    await AssertHandledAsync(client, request, $"{name} {type} {body[..Math.Min(30, body.Length)]}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task InjectionStringsInThePathAndQuery_NeverFailTheServer(string name)
    {
        var (method, path) = Target(name);
        foreach (var client in Clients())
        {
            foreach (var text in Injections)
            {
                var escaped = Uri.EscapeDataString(text);
                var query = string.Join("&", new[] { "q", "grade", "region", "owner", "page", "page_size", "sort", "as_of" }.Select(k => $"{k}={escaped}"));
                var withQuery = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
                using var request = new HttpRequestMessage(method, withQuery);
                if (method != HttpMethod.Get)
                {
                    request.Content = new StringContent($"{{\"as_of\":\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}", Encoding.UTF8, "application/json");
                }

                await AssertHandledAsync(client, request, $"{name} query {text[..Math.Min(30, text.Length)]}");
            }
        }
    }

    [Fact]
    public async Task InjectionStringsAsCustomerIdsAndUserNames_AreNotFoundOrRefused()
    {
        var admin = fixture.ClientFor(UserRoles.Admin);
        // A NUL in a path is refused by the HTTP layer itself (the in-process test client cannot even send it).
        foreach (var text in Injections.Where(t => !Uri.UnescapeDataString(t).Contains('\0', StringComparison.Ordinal)))
        {
            var escaped = Uri.EscapeDataString(text);
            using var customer = new HttpRequestMessage(HttpMethod.Get, "/api/customers/" + escaped);
            var status = await AssertHandledAsync(admin, customer, "customer id " + text[..Math.Min(30, text.Length)]);
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"customer id {text}: {status}");
            using var token = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{escaped}/tokens");
            await AssertHandledAsync(admin, token, "user " + text[..Math.Min(30, text.Length)]);
        }

        using var check = await admin.GetAsync("/api/customers?page_size=1");
        Assert.Contains("\"total\":120", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task OversizedBodies_Are413(string name)
    {
        var (method, path) = Target(name);
        if (method == HttpMethod.Get || name == "import")
        {
            return;
        }

        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent("{\"as_of\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };

        var status = await AssertHandledAsync(fixture.ClientFor(UserRoles.Admin), request, name + " oversized");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task GarbageFilesToImport_AreRefusedWith400()
    {
        var manager = fixture.ClientFor(UserRoles.CreditManager);
        var garbage = new byte[4096];
        new Random(5).NextBytes(garbage);
        foreach (var (file, bytes) in new[]
                 {
                     ("customers.csv", garbage), ("customers.xlsx", garbage), ("invoices.csv", Array.Empty<byte>()),
                     ("payments.xlsx", Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a zip")),
                 })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", file } };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form };
            var status = await AssertHandledAsync(manager, request, "import " + file);
            Assert.Equal(HttpStatusCode.BadRequest, status);
        }
    }

    private IEnumerable<HttpClient> Clients() => [fixture.ClientFor(UserRoles.Admin), fixture.ClientFor(UserRoles.Sales), fixture.Anonymous()];

    private (HttpMethod Method, string Path) Target(string name)
    {
        if (name == "sign-in")
        {
            return (HttpMethod.Post, "/api/auth/sign-in");
        }

        var endpoint = Endpoints.Named(name);
        return (endpoint.Method, Endpoints.PathOf(endpoint, "C00001", fixture)
            .Replace(Endpoints.RevocableTokenPlaceholder, "0123456789ab", StringComparison.Ordinal)
            .Replace(Endpoints.WebhookPlaceholder, "987654321", StringComparison.Ordinal)
            .Replace(Endpoints.ThrowawayUserPlaceholder, "nobody.fuzzed", StringComparison.Ordinal)
            .Replace(Endpoints.FailedDeliveryPlaceholder, "987654321", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> AssertHandledAsync(HttpClient client, HttpRequestMessage request, string what)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}");
        foreach (var leak in new[] { "   at ", "Exception", "StackTrace", "stack_trace", ".cs:line" })
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{what}: the response shows '{leak}': {body[..Math.Min(500, body.Length)]}");
        }

        return response.StatusCode;
    }
}
