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

    /// <summary>Present on an operator key's requests (and on every request without keys): the dashboard's policy asks for it.</summary>
    public const string Operator = "vnexsus:operator";

    /// <summary>The tenant the request was authenticated as; every API endpoint but the anonymous ones has one.</summary>
    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The request has no tenant: the endpoint is missing from the authorization policy.");
}

/// <summary>
/// Who is calling: with <see cref="AuthMode.None"/> every request is the local tenant, who is also the operator (one
/// local user on loopback); with API keys, the key in <c>Authorization: Bearer</c>, <c>X-Api-Key</c> or a session cookie
/// names the tenant, or for an operator key, no tenant but the operator. A missing, unknown or revoked key is answered
/// 401 with the v1 error body and nothing about why.
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

    /// <summary>A valid key of the other kind: a tenant's key at the dashboard, an operator's key at a tenant's documents.</summary>
    public static readonly object ForbiddenBody = new { error = "이 API 키로는 열 수 없습니다.", status = "error", code = "FORBIDDEN" };

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
            return Task.FromResult(Success(keyId: "none", new Claim(TenantClaims.Tenant, Tenants.Local), OperatorClaim));
        }

        if (PresentedKey(Request) is not { Length: > 0 } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(keys.Verify(presented) switch
        {
            { Scope: ApiKeyScope.Operator } record => Success(record.KeyId, OperatorClaim),
            { TenantId: { } tenant } record => Success(record.KeyId, new Claim(TenantClaims.Tenant, tenant)),
            _ => AuthenticateResult.Fail("unknown or revoked API key"),
        });
    }

    /// <summary>401; a browser opening the dashboard gets the operators' sign-in form as the body.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return OperatorSignIn.IsBrowserOpeningDashboard(Request)
            ? OperatorSignIn.WriteFormAsync(Response, refused: false)
            : Response.WriteAsJsonAsync(UnauthorizedBody);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(ForbiddenBody);
    }

    private static string? AuthenticationHeaderValueOf(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value["Bearer ".Length..].Trim()
            : null;

    private static Claim OperatorClaim => new(TenantClaims.Operator, "true");

    private static AuthenticateResult Success(string keyId, params Claim[] access) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([.. access, new Claim(TenantClaims.KeyId, keyId)], SchemeName)),
            SchemeName));
}
