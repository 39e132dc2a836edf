using System.Net;

namespace VNexsus.Hosting;

public enum AuthMode
{
    /// <summary>No keys: every request is the one local tenant. Allowed only while the API listens on loopback alone.</summary>
    None,

    /// <summary>Every API request carries an API key of a tenant (issued with <c>VNexsus.Api keys issue</c>).</summary>
    ApiKeys,
}

/// <summary>The <c>VNexsus:Auth</c> section: who may call the API, as which tenant, and how often.</summary>
public sealed class AuthOptions
{
    public AuthMode Mode { get; set; } = AuthMode.None;

    /// <summary>Token-bucket limits per tenant (per API node).</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class RateLimitOptions
{
    /// <summary>Uploads per minute per tenant; also the burst allowed at once.</summary>
    public int UploadsPerMinute { get; set; } = 30;

    /// <summary>Every other API request (status polls, results, reports, page images) per minute per tenant; also the burst.</summary>
    public int RequestsPerMinute { get; set; } = 1200;
}

/// <summary>
/// What only the API host must check, because only it serves tenants' data: no keys only on loopback, keys in the
/// distributed mode, and with keys an operator port for the operator endpoints.
/// </summary>
public static class ApiAccessValidator
{
    public static IReadOnlyList<string> Validate(VNexsusOptions options, IReadOnlyList<string> listenUrls)
    {
        var failures = new List<string>();
        var auth = options.Auth;
        if (auth.Mode == AuthMode.None)
        {
            if (options.Mode == HostingMode.Distributed)
            {
                failures.Add("VNexsus:Mode=Distributed needs VNexsus:Auth:Mode=ApiKeys: a cluster serves tenants over the network, so every request must carry an API key (issue one with 'dotnet VNexsus.Api.dll keys issue --tenant <id>').");
            }
            else if (listenUrls.FirstOrDefault(url => !IsLoopback(url)) is { } exposed)
            {
                failures.Add($"The API listens on {exposed}, which is not loopback, without authentication: set VNexsus:Auth:Mode=ApiKeys (and issue keys with 'dotnet VNexsus.Api.dll keys issue --tenant <id>'), or listen on 127.0.0.1 only.");
            }
        }
        else if (options.OperatorUrls is not { Length: > 0 })
        {
            failures.Add("VNexsus:Auth:Mode=ApiKeys needs VNexsus:OperatorUrls (for example http://0.0.0.0:9090): /metrics, /health and the dashboard are then served only on that port, which is kept off the public network.");
        }

        if (auth.RateLimit.UploadsPerMinute < 1 || auth.RateLimit.RequestsPerMinute < 1)
        {
            failures.Add("VNexsus:Auth:RateLimit:UploadsPerMinute and RequestsPerMinute must be at least 1.");
        }

        return failures;
    }

    /// <summary>True for <c>localhost</c> and loopback IPs; false for wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and every other host.</summary>
    public static bool IsLoopback(string url)
    {
        var host = OperatorAccess.HostOf(url);
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
