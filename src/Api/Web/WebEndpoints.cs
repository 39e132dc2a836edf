using Microsoft.Extensions.FileProviders;

namespace VNexsus.Api.Web;

/// <summary>
/// The investigator's web app (<c>wwwroot</c>: plain HTML, CSS and JavaScript modules, no build step) at <c>/</c>, its
/// live progress stream and the report export.
/// </summary>
public static class WebEndpoints
{
    public static WebApplication MapWebApp(this WebApplication app)
    {
        if (FindWebRoot(app) is { } root)
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // The security headers (a strict CSP among them) come from UseSecurityHeaders, as for every response.
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
        else
        {
            app.Logger.LogWarning("The web app's files (wwwroot) were not found; only the API is served");
        }

        app.MapGet("/api/jobs/{jobId}/events", JobProgressStream.StreamAsync);
        app.MapGet("/api/jobs/{jobId}/export", ReportExport.ExportAsync);
        return app;
    }

    /// <summary>
    /// <c>VNexsus:Web:Root</c> when set; else <c>wwwroot</c> under the content root or beside the assembly (a
    /// published app); else, when run from a build of the source tree (<c>scripts/run</c>, tests), <c>src/Api/wwwroot</c>
    /// found by walking up from the assembly.
    /// </summary>
    private static string? FindWebRoot(WebApplication app)
    {
        if (app.Configuration["VNexsus:Web:Root"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        static bool HasApp(string directory) => File.Exists(Path.Combine(directory, "index.html"));
        foreach (var candidate in new[] { Path.Combine(app.Environment.ContentRootPath, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot") })
        {
            if (HasApp(candidate))
            {
                return candidate;
            }
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Api", "wwwroot");
            if (HasApp(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
