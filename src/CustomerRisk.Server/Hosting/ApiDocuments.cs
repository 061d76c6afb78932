namespace CustomerRisk.Server.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json (signed-in users only, like every other endpoint).</summary>
public static class ApiDocuments
{
    public static void AddApiDocuments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CustomerRisk API";
            document.Info.Description = "Customer credit risk: import, customers, portfolio, assessments. Sign in with " +
                "POST /api/auth/sign-in (cookie) or send Authorization: Bearer <token> (crisk users token NAME).";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // The generator lists an enum's codes but leaves out their type; they are strings (see the converter below).
            if (context.JsonTypeInfo.Type.IsEnum)
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
            }

            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            // Enum values as their snake_case codes (acknowledged, raise_limit), as the command line writes them; the
            // OpenAPI document is generated from these same options, so it describes them as strings with their codes.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(
                System.Text.Json.JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });
    }

    public static void MapApiDocuments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");
    }
}
