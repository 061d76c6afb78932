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
        }));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        });
    }

    public static void MapApiDocuments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");
    }
}
