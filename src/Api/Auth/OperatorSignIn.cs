using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using VNexsus.Hosting;

namespace VNexsus.Api.Auth;

/// <summary>
/// The Orleans dashboard at <c>/dashboard</c>, on the operator port only, behind an operator key (<c>keys issue
/// --operator</c>): it shows grain keys (document hashes, job ids) and cluster internals. The key goes in
/// <c>Authorization: Bearer</c> or <c>X-Api-Key</c>, or a browser posts it once to the sign-in form, which answers
/// every unauthenticated page of the dashboard, and keeps it as an HttpOnly, SameSite=Strict cookie limited to
/// <c>/dashboard</c> — the web app's session, for operators. Without keys (loopback only) it needs nothing.
/// </summary>
public static class OperatorSignIn
{
    public const string Policy = "operator";
    public const string SessionPath = VNexsusHosting.DashboardPath + "/session";

    /// <summary>
    /// The default policy with two openings the dashboard's page needs, both measured in Chromium: its
    /// <c>index.html</c> has one inline style attribute (<c>padding-top: 25px;</c>), allowed by its hash alone, and its
    /// style sheet embeds a font as a <c>data:</c> URL. Its scripts and styles come from <c>/dashboard</c>; its views set
    /// styles through the DOM, which no policy restricts. A new dashboard version that needs more shows as a
    /// violation in the browser test.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-hashes' 'sha256-eq2af6QS2pzGTyxQ6dj75iyyFqwRgxGGxEAjoqE24f0='; " +
        "font-src 'self' data:; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static AuthorizationBuilder AddOperatorPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(TenantAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(TenantClaims.Operator));

    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(routePrefix: VNexsusHosting.DashboardPath)
            .OnOperatorPort()
            .RequireAuthorization(Policy)
            .WithMetadata(new ContentSecurityPolicy(DashboardContentSecurityPolicy));
        app.MapPost(SessionPath, SignInAsync).RequireOperator().DisableAntiforgery();
        return app;
    }

    /// <summary>A browser navigating to a page of the dashboard (not its scripts or data requests).</summary>
    public static bool IsBrowserOpeningDashboard(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.StartsWithSegments(VNexsusHosting.DashboardPath)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sign-in form: plain HTML with no script or inline style, under the dashboard's policy.</summary>
    public static Task WriteFormAsync(HttpResponse response, bool refused)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var alert = refused ? "\n  <p role=\"alert\">이 키로는 대시보드를 열 수 없습니다.</p>" : string.Empty;
        return response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="ko">
            <head><meta charset="utf-8"><title>운영자 로그인 · VNexsus</title></head>
            <body>
            <main>
              <h1>Orleans 대시보드</h1>
              <p>운영자 키가 필요합니다 (<code>dotnet VNexsus.Api.dll keys issue --operator</code>).</p>{alert}
              <form method="post" action="{SessionPath}">
                <label for="key">운영자 키</label>
                <input id="key" name="key" type="password" autocomplete="off" required>
                <button type="submit">로그인</button>
              </form>
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>The form's post: an operator key becomes the dashboard's session cookie, then the dashboard opens.</summary>
    private static async Task SignInAsync(HttpContext context, ApiKeyStore keys, IOptions<VNexsusOptions> options)
    {
        if (options.Value.Auth.Mode == AuthMode.ApiKeys)
        {
            SessionEndpoints.LimitBodyToSignIn(context);
            if (await PostedKeyAsync(context.Request) is not { } key || keys.Verify(key) is not { Scope: ApiKeyScope.Operator })
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await WriteFormAsync(context.Response, refused: true);
                return;
            }

            context.Response.Cookies.Append(TenantAuthenticationHandler.SessionCookie, key, SessionEndpoints.CookieOptions(context, VNexsusHosting.DashboardPath));
        }

        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = VNexsusHosting.DashboardPath + "/";
    }

    private static async Task<string?> PostedKeyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["key"].FirstOrDefault()?.Trim() is { Length: > 0 } key ? key : null;
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }
}
