using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;

namespace VNexsus.Hosting;

/// <summary>The response headers every answer of the API, the web app and the silos carry, and error bodies without internals.</summary>
public static class SecurityHeaders
{
    /// <summary>The web app loads nothing from elsewhere, runs no inline script or style, and nothing may frame it.</summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>A self-contained HTML report: its one inline style sheet, no scripts, nothing fetched, never framed.</summary>
    public const string DocumentContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>
    /// Adds the headers to every response. An endpoint may have a <c>Content-Security-Policy</c> of its own: set on its
    /// response (the HTML report) or as <see cref="ContentSecurityPolicy"/> metadata (the dashboard); everything under
    /// <c>/api/</c> is job data and is never stored by a browser or proxy.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Value ?? DefaultContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Outside Development an unhandled exception answers the v1 <c>SERVER_ERROR</c> body — no stack trace, type or path;
    /// the exception goes to the log. Development keeps ASP.NET Core's developer page.
    /// </summary>
    public static WebApplication UseVNexsusErrorBodies(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return context.Response.WriteAsJsonAsync(ServerErrorBody);
                },
            });
        }

        return app;
    }

    /// <summary>The v1 body of a server fault (domain.md §4.1).</summary>
    public static readonly object ServerErrorBody = new { error = "서버에서 오류가 발생했습니다.", status = "error", code = "SERVER_ERROR" };
}

/// <summary>Endpoint metadata: the <c>Content-Security-Policy</c> of an endpoint whose page cannot live under the default.</summary>
public sealed record ContentSecurityPolicy(string Value);
