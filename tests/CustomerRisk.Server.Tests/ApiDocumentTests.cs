using System.Text.Json;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage.Operations;

namespace CustomerRisk.Server.Tests;

/// <summary>The OpenAPI document says what the API answers: enum fields are strings with their codes, every operations
/// answer has its schema, and real answers match those schemas (every key declared, every code listed).</summary>
public sealed class ApiDocumentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var json = JsonDocument.Parse(await fixture.ClientFor(UserRoles.Analyst).GetStringAsync("/openapi/v1.json"));
        return json.RootElement.Clone();
    }

    public static TheoryData<string, string[]> EnumCodes() => new()
    {
        { nameof(AlertStatus), OperationCodes.CodesOf<AlertStatus>().ToArray() },
        { nameof(ReviewDecision), OperationCodes.CodesOf<ReviewDecision>().ToArray() },
        { nameof(CollectionActionKind), OperationCodes.CodesOf<CollectionActionKind>().ToArray() },
        { nameof(PromiseStatus), OperationCodes.CodesOf<PromiseStatus>().ToArray() },
        { nameof(LimitKind), OperationCodes.CodesOf<LimitKind>().ToArray() },
        { nameof(UserRole), UserRoles.AllCodes.ToArray() },
    };

    [Theory]
    [MemberData(nameof(EnumCodes))]
    public async Task EnumSchemas_AreStringsListingTheCommandLinesCodes(string name, string[] codes)
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var schema = schemas.GetProperty(name);

        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal(codes, schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task NoSchemaOfTheDocument_DescribesAnEnumAsAnInteger()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToArray();

        Assert.NotEmpty(enums);
        foreach (var schema in enums)
        {
            Assert.Equal("string", schema.Value.GetProperty("type").GetString());
            Assert.All(schema.Value.GetProperty("enum").EnumerateArray(), v => Assert.Equal(JsonValueKind.String, v.ValueKind));
        }
    }

    [Theory]
    [InlineData("/api/alerts", "get", "200")]
    [InlineData("/api/alerts/{alertId}", "get", "200")]
    [InlineData("/api/alerts/{alertId}/acknowledge", "post", "200")]
    [InlineData("/api/reviews/due", "get", "200")]
    [InlineData("/api/reviews/{reviewId}", "get", "200")]
    [InlineData("/api/reviews/{reviewId}/replay", "get", "200")]
    [InlineData("/api/customers/{customerId}/reviews", "post", "201")]
    [InlineData("/api/collections", "get", "200")]
    [InlineData("/api/customers/{customerId}/collections", "get", "200")]
    [InlineData("/api/customers/{customerId}/collections/promises", "post", "201")]
    [InlineData("/api/webhooks/{subscriptionId}/deliveries", "get", "200")]
    [InlineData("/api/webhooks/deliveries/{deliveryId}", "get", "200")]
    [InlineData("/api/webhooks/deliveries/{deliveryId}/retry", "post", "200")]
    [InlineData("/api/webhooks/{subscriptionId}/deliveries/retry", "post", "200")]
    public async Task EveryOperationsAnswer_HasItsSchemaInTheDocument(string path, string method, string status)
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var operation = paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == path).Value.GetProperty(method);

        var content = operation.GetProperty("responses").GetProperty(status).GetProperty("content");
        Assert.True(content.GetProperty("application/json").TryGetProperty("schema", out _), $"{method} {path} {status} has no schema");
    }

    [Fact]
    public async Task RealAnswers_MatchTheirSchemas_KeyForKeyAndCodeForCode()
    {
        var document = await DocumentAsync();
        var admin = fixture.ClientFor(UserRoles.Admin);
        var customer = fixture.OtherOwnerCustomer;
        var checkedAnswers = new[]
        {
            ("/api/alerts", "/api/alerts?status=all&page_size=500"),
            ("/api/alerts/{alertId}", $"/api/alerts/{fixture.SalesOwnerAlert}"),
            ("/api/reviews/due", "/api/reviews/due?as_of=2026-06-30&all=true&page_size=500"),
            ("/api/reviews/{reviewId}", $"/api/reviews/{fixture.ReviewId}"),
            ("/api/reviews/{reviewId}/replay", $"/api/reviews/{fixture.ReviewId}/replay"),
            ("/api/customers/{customerId}/reviews", $"/api/customers/{customer}/reviews"),
            ("/api/collections", "/api/collections?as_of=2026-06-30&page_size=500"),
            ("/api/customers/{customerId}/collections", $"/api/customers/{customer}/collections"),
            ("/api/customers/{customerId}", $"/api/customers/{customer}"),
            ("/api/customers/{customerId}/delphi", $"/api/customers/{fixture.DelphiCustomer}/delphi"),
        };

        foreach (var (template, path) in checkedAnswers)
        {
            using var answer = JsonDocument.Parse(await admin.GetStringAsync(path));
            var schema = document.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == template).Value
                .GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
                .GetProperty("schema");
            var problems = new List<string>();

            SchemaCheck.Check(answer.RootElement, schema, document, path, problems);

            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        }
    }

    [Fact]
    public async Task OperationsAnswers_AreTheCommandLinesJson_KeyForKeyAndValueForValue()
    {
        var admin = fixture.ClientFor(UserRoles.Admin);
        await using var store = OperationsStoreFactory.Open(fixture.Db);

        var alert = await store.ReadAlertAsync(fixture.SalesOwnerAlert);
        var review = await store.ReadReviewAsync(fixture.ReviewId);
        var reviews = await store.ReadReviewsAsync(review!.CustomerId);

        // The server escapes fewer characters ('+' is written as is), so the texts are compared as JSON values.
        AssertSameJson(OperationsJson.Serialize(alert), await admin.GetStringAsync($"/api/alerts/{fixture.SalesOwnerAlert}"));
        AssertSameJson(OperationsJson.Serialize(review), await admin.GetStringAsync($"/api/reviews/{fixture.ReviewId}"));
        AssertSameJson(OperationsJson.Serialize(reviews), await admin.GetStringAsync($"/api/customers/{review.CustomerId}/reviews"));
    }

    private static void AssertSameJson(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(left.RootElement, right.RootElement), $"expected {expected}\nactual   {actual}");
    }

    [Fact]
    public void TheSchemaCheck_FindsAnUndeclaredKeyAndAnUnlistedCode()
    {
        using var schemas = JsonDocument.Parse("""
            {"components":{"schemas":{"S":{"type":"string","enum":["open","kept"]}}}}
            """);
        using var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"status":{"$ref":"#/components/schemas/S"},"n":{"type":["null","integer","string"]}}}
            """);
        using var good = JsonDocument.Parse("""{"status":"kept","n":3}""");
        using var bad = JsonDocument.Parse("""{"status":2,"extra":1,"n":true}""");
        var none = new List<string>();
        var found = new List<string>();

        SchemaCheck.Check(good.RootElement, schema.RootElement, schemas.RootElement, "$", none);
        SchemaCheck.Check(bad.RootElement, schema.RootElement, schemas.RootElement, "$", found);

        Assert.Empty(none);
        Assert.Equal(3, found.Count);
    }
}

/// <summary>Just enough of JSON Schema to hold an answer against the OpenAPI document: $ref, oneOf/anyOf, type (one or
/// several), enum, properties (an undeclared key is a problem), additionalProperties and items.</summary>
internal static class SchemaCheck
{
    public static void Check(JsonElement value, JsonElement schema, JsonElement document, string at, List<string> problems)
    {
        schema = Resolve(schema, document);
        foreach (var choice in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(choice, out var options))
            {
                var fits = options.EnumerateArray().Any(option =>
                {
                    var attempt = new List<string>();
                    Check(value, option, document, at, attempt);
                    return attempt.Count == 0;
                });
                if (!fits)
                {
                    problems.Add($"{at}: fits none of the {choice} schemas: {Clip(value)}");
                }

                return;
            }
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => Fits(value, t)))
            {
                problems.Add($"{at}: {value.ValueKind} is not {string.Join("|", types)}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var codes) && value.ValueKind != JsonValueKind.Null
            && !codes.EnumerateArray().Any(c => c.ValueKind == value.ValueKind && c.GetRawText() == value.GetRawText()))
        {
            problems.Add($"{at}: {Clip(value)} is not one of {codes.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var declared = schema.TryGetProperty("properties", out var properties);
            var more = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object;
            foreach (var property in value.EnumerateObject())
            {
                if (declared && properties.TryGetProperty(property.Name, out var inner))
                {
                    Check(property.Value, inner, document, $"{at}.{property.Name}", problems);
                }
                else if (more)
                {
                    Check(property.Value, additional, document, $"{at}.{property.Name}", problems);
                }
                else if (declared)
                {
                    problems.Add($"{at}: key '{property.Name}' is not in the schema");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, document, $"{at}[{i++}]", problems);
            }
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static bool Fits(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    private static string Clip(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..80] + "…";
    }
}
