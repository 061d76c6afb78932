using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace CustomerRisk.Server.Hosting;

/// <summary>The dashboard, built by Vite into the output's dashboard/ folder. Its scripts, styles and the sign-in page
/// are public files (they hold no data); the dashboard page itself is served only to a signed-in user, at / and at
/// every client route (/customers, /customers/{id}), and every figure comes from the API behind sign-in.</summary>
public static class DashboardFiles
{
    /// <summary>The dashboard folder: <c>--dashboard</c>, else dashboard/ beside the server's assembly.</summary>
    public static string FolderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["dashboard"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AppContext.BaseDirectory, "dashboard");
    }

    public static void UseDashboardFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = FolderOf(app.Configuration);
        if (!Directory.Exists(folder))
        {
            app.Logger.LogWarning("No dashboard at {Folder}: build the server with npm available (docs/server.md).", folder);
            return;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PublicFiles(new PhysicalFileProvider(folder)),
            OnPrepareResponse = context =>
            {
                // Vite names assets by content hash, so they never change under the same name.
                if (context.Context.Request.Path.StartsWithSegments("/assets"))
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
    }

    public static void MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var index = Path.Combine(FolderOf(app.Configuration), "index.html");
        app.MapGet("/", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/customers", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/customers/{*id}", (string id) => Page(index)).ExcludeFromDescription();
        app.MapGet("/import", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/alerts", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/reviews", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/collections", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/audit", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/models", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/orders/check", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/limits", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/collateral", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/webhooks", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/users", () => Page(index)).ExcludeFromDescription();
        app.MapGet("/account", () => Page(index)).ExcludeFromDescription();
    }

    private static IResult Page(string index) => File.Exists(index)
        ? TypedResults.PhysicalFile(index, "text/html; charset=utf-8")
        : TypedResults.Problem(title: "The dashboard is not built.", detail: "Build the server with npm available (docs/server.md).",
            statusCode: StatusCodes.Status404NotFound);

    /// <summary>Every built file except the dashboard page, which goes through the signed-in endpoints above.</summary>
    private sealed class PublicFiles(IFileProvider inner) : IFileProvider
    {
        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IFileInfo GetFileInfo(string subpath) =>
            string.Equals(subpath.TrimStart('/'), "index.html", StringComparison.OrdinalIgnoreCase)
                ? new NotFoundFileInfo(subpath)
                : inner.GetFileInfo(subpath);

        public IChangeToken Watch(string filter) => inner.Watch(filter);
    }
}
