using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRisk.Server.Hosting;

/// <summary>Request bodies are small unless an endpoint says otherwise (the import takes up to 512 MiB): a body over
/// the limit is refused with 413 before it is read.</summary>
public static class BodyLimits
{
    /// <summary>The limit of an endpoint without its own, in bytes.</summary>
    public const long DefaultBytes = 1024 * 1024;

    public static void AddBodyLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Apis.ImportApi.MaxUploadBytes);
    }

    public static void UseBodyLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                await TypedResults.Problem(title: "The request body is too large.", detail: $"At most {limit:N0} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }
}
