using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using VNexsus.Api.Ocr;
using VNexsus.Hosting;

namespace VNexsus.Api.Auth;

/// <summary>
/// Authentication (a tenant per request), the authorization policy (every endpoint needs a tenant unless it says
/// otherwise — the probes, operator endpoints and sign-in do) and per-tenant rate limits.
/// </summary>
public static class TenantAccess
{
    public static IServiceCollection AddTenantAccess(this IServiceCollection services, VNexsusOptions options)
    {
        services.AddSingleton(provider => ApiKeyStore.In(options.DataDir, provider.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(TenantAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TenantAuthenticationHandler>(TenantAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(TenantAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(TenantClaims.Tenant)
            .Build())
            .AddOperatorPolicy();
        services.AddRateLimiter(limiter =>
        {
            // Without keys the one local user on loopback has nobody to be fair to (and benchmarks poll fast).
            if (options.Auth.Mode == AuthMode.ApiKeys)
            {
                limiter.GlobalLimiter = PerTenant(options.Auth.RateLimit);
            }

            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// After the static files of the web app (which need no key) and before the endpoints. The rate limiter runs after
    /// authentication, so it knows the tenant.
    /// </summary>
    public static WebApplication UseTenantAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// One token bucket per tenant for uploads and one for everything else, so polling a running job never uses up
    /// the allowance for the next upload, nor the reverse. Requests without a tenant (probes, operator endpoints,
    /// refused keys) are not counted.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> PerTenant(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, (string Tenant, bool Upload)>(context =>
        {
            if (context.User.FindFirst(TenantClaims.Tenant)?.Value is not { } tenant)
            {
                return RateLimitPartition.GetNoLimiter((string.Empty, false));
            }

            var upload = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(OcrEndpoints.UploadPath, StringComparison.OrdinalIgnoreCase);
            var perMinute = upload ? limits.UploadsPerMinute : limits.RequestsPerMinute;
            return RateLimitPartition.GetTokenBucketLimiter((tenant, upload), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
            });
        });

    /// <summary>429 with <c>Retry-After</c> (whole seconds until the next token) and the v1 error body.</summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(response.WriteAsJsonAsync(
            new { error = "요청이 너무 많습니다. 잠시 후 다시 시도하십시오.", status = "error", code = "RATE_LIMITED", retryAfter = seconds },
            cancellationToken));
    }
}
