using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace VNexsus.Hosting;

/// <summary>
/// Operator endpoints (<c>/metrics</c>, <c>/health</c> with every check, the dashboard) answer only on the ports of
/// <c>VNexsus:OperatorUrls</c> when it is set — decided by the port the connection arrived on, never by the Host header,
/// which a client chooses — and 404 elsewhere. Without it they answer on every URL of the host: a silo serves nothing
/// else, and the API may only run without it on loopback with no keys (<see cref="ApiAccessValidator"/>).
/// </summary>
public static class OperatorAccess
{
    /// <summary>Marks endpoints as operator-only: no key needed, served only on the operator port (<c>/metrics</c>, <c>/health</c>).</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.OnOperatorPort().AllowAnonymous();

    /// <summary>Serves endpoints only on the operator port, leaving who may call them to their own policy (the dashboard's needs an operator key).</summary>
    public static TBuilder OnOperatorPort<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OperatorEndpoint.Instance);

    /// <summary>Refuses operator endpoints on other ports than the operator's. Runs after routing (WebApplication routes first).</summary>
    public static WebApplication UseOperatorAccess(this WebApplication app, VNexsusOptions options)
    {
        var ports = PortsOf(options.OperatorUrls);
        if (ports.Count == 0)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<OperatorEndpoint>() is not null && !ports.Contains(context.Connection.LocalPort))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Adds the operator URLs to the URLs the host listens on.</summary>
    public static void ListenOnOperatorUrls(this WebApplicationBuilder builder, VNexsusOptions options)
    {
        if (options.OperatorUrls is { Length: > 0 } operatorUrls)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            builder.WebHost.UseUrls([.. SplitUrls(urls), .. SplitUrls(operatorUrls)]);
        }
    }

    public static IReadOnlyList<string> SplitUrls(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The explicit ports of <paramref name="urls"/>; a URL without one has none (the validator refuses it for operator URLs).</summary>
    public static HashSet<int> PortsOf(string? urls) => SplitUrls(urls).Select(PortOf).OfType<int>().ToHashSet();

    /// <summary>The host of a Kestrel URL (<c>http://*:80</c> and <c>http://+:80</c> are not <see cref="Uri"/>s).</summary>
    public static string HostOf(string url)
    {
        var authority = Authority(url);
        var colon = authority.LastIndexOf(':');
        return colon > authority.LastIndexOf(']') ? authority[..colon] : authority;
    }

    public static int? PortOf(string url)
    {
        var authority = Authority(url);
        var colon = authority.LastIndexOf(':');
        return colon > authority.LastIndexOf(']') && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
    }

    private static string Authority(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var end = url.IndexOf('/', start);
        return end < 0 ? url[start..] : url[start..end];
    }

    private sealed class OperatorEndpoint
    {
        public static readonly OperatorEndpoint Instance = new();
    }
}
