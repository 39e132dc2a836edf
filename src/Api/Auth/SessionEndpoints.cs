using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VNexsus.Hosting;

namespace VNexsus.Api.Auth;

/// <summary>
/// The web app's sign-in: it posts the key once and gets it back as an HttpOnly, SameSite=Strict cookie limited to
/// <c>/api</c>, so scripts never hold it and <c>EventSource</c> and <c>&lt;img&gt;</c> requests carry it. The cookie
/// is the key itself, so revoking the key ends every session at once, on every node, with no session state to share.
/// Operators sign in to the dashboard the same way (<see cref="OperatorSignIn"/>); a tenant's session takes tenant keys only.
/// </summary>
public static class SessionEndpoints
{
    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/session", Describe);
        routes.MapPost("/api/session", SignInAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapDelete("/api/session", SignOut).AllowAnonymous();
        return routes;
    }

    /// <summary>Who the caller is; 401 (from the authorization policy) when the key is missing or no longer valid.</summary>
    private static IResult Describe(ClaimsPrincipal user, IOptions<VNexsusOptions> options) =>
        Results.Json(new { tenant = user.TenantId(), authentication = options.Value.Auth.Mode == AuthMode.None ? "none" : "apiKey" });

    private static async Task<IResult> SignInAsync(HttpContext context, ApiKeyStore keys, IOptions<VNexsusOptions> options)
    {
        if (options.Value.Auth.Mode == AuthMode.None)
        {
            return Results.Json(new { tenant = Jobs.Tenants.Local, authentication = "none" });
        }

        LimitBodyToSignIn(context);
        SignInRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<SignInRequest>(context.RequestAborted);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or BadHttpRequestException or InvalidOperationException)
        {
            request = null;
        }

        if (request?.Key is not { Length: > 0 } key || keys.Verify(key) is not { Scope: ApiKeyScope.Tenant } record)
        {
            return Results.Json(TenantAuthenticationHandler.UnauthorizedBody, statusCode: StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(TenantAuthenticationHandler.SessionCookie, key, CookieOptions(context, ApiPath));
        return Results.Json(new { tenant = record.TenantId, authentication = "apiKey" });
    }

    /// <summary>A sign-in carries one key: anything larger is refused before it is read.</summary>
    internal static void LimitBodyToSignIn(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
    }

    private static IResult SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(TenantAuthenticationHandler.SessionCookie, CookieOptions(context, ApiPath));
        return Results.NoContent();
    }

    /// <summary>
    /// A browser-session cookie (no expiry: closing the browser signs out) holding the key, sent only under
    /// <paramref name="path"/>: <c>/api</c> for a tenant's key, the dashboard's path for an operator's.
    /// </summary>
    internal static CookieOptions CookieOptions(HttpContext context, string path) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = path,
        IsEssential = true,
    };

    private const string ApiPath = "/api";

    private sealed record SignInRequest(string? Key);
}
