using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VNexsus.Hosting;
using VNexsus.Jobs;

namespace VNexsus.Api.Auth;

public static class TenantClaims
{
    public const string Tenant = "vnexsus:tenant";
    public const string KeyId = "vnexsus:key";

    /// <summary>The tenant the request was authenticated as; every API endpoint but the anonymous ones has one.</summary>
    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The request has no tenant: the endpoint is missing from the authorization policy.");
}

/// <summary>
/// Who is calling: with <see cref="AuthMode.None"/> every request is the local tenant; with API keys, the key in
/// <c>Authorization: Bearer</c>, <c>X-Api-Key</c> or the web app's session cookie names the tenant. A missing, unknown
/// or revoked key is answered 401 with the v1 error body and nothing about why.
/// </summary>
public sealed class TenantAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    IOptions<VNexsusOptions> options,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "VNexsus";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string SessionCookie = "vnexsus_key";

    public static readonly object UnauthorizedBody = new { error = "유효한 API 키가 필요합니다.", status = "error", code = "UNAUTHORIZED" };

    /// <summary>The key the request presents, if any.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (AuthenticationHeaderValueOf(request) is { } bearer)
        {
            return bearer;
        }

        return request.Headers[ApiKeyHeader].FirstOrDefault() is { Length: > 0 } header ? header : request.Cookies[SessionCookie];
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (options.Value.Auth.Mode == AuthMode.None)
        {
            return Task.FromResult(Success(Tenants.Local, keyId: "none"));
        }

        if (PresentedKey(Request) is not { Length: > 0 } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(keys.Verify(presented) is { } record
            ? Success(record.TenantId, record.KeyId)
            : AuthenticateResult.Fail("unknown or revoked API key"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Response.WriteAsJsonAsync(UnauthorizedBody);
    }

    private static string? AuthenticationHeaderValueOf(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value["Bearer ".Length..].Trim()
            : null;

    private AuthenticateResult Success(string tenantId, string keyId) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(TenantClaims.Tenant, tenantId), new Claim(TenantClaims.KeyId, keyId)], SchemeName)),
            SchemeName));
}
