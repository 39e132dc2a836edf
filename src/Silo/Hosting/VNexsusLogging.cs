using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using VNexsus.Reliability;

namespace VNexsus.Hosting;

/// <summary>The <c>VNexsus:Logging</c> section. Levels come from the standard <c>Serilog</c> section.</summary>
public sealed class LoggingOptions
{
    /// <summary>Where <c>combined.log</c> (everything) and <c>error.log</c> (errors only) roll daily; empty for console only.</summary>
    public string? Directory { get; set; } = "logs";

    public int RetainedDays { get; set; } = 7;
}

/// <summary>
/// Serilog for every host: compact JSON on the console and in rolling files, one line per HTTP request with the route
/// template (never the raw path or query), request id and trace id. What is logged are ids, counts, durations and
/// codes: no code path logs document text, file names or personal data.
/// </summary>
public static class VNexsusLogging
{
    public const string CombinedLog = "combined.log";
    public const string ErrorLog = "error.log";

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, LoggingOptions options)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<ErrorClassEnricher>()
            .WriteTo.Console(new RenderedCompactJsonFormatter());
        if (!string.IsNullOrWhiteSpace(options.Directory))
        {
            logger
                .WriteTo.File(new RenderedCompactJsonFormatter(), Path.Combine(options.Directory, CombinedLog), rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: options.RetainedDays, shared: true)
                .WriteTo.File(new RenderedCompactJsonFormatter(), Path.Combine(options.Directory, ErrorLog), LogEventLevel.Error,
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: options.RetainedDays, shared: true);
        }

        return logger;
    }

    /// <summary>
    /// Serilog as the host's logger factory, behind a per-category cache: Serilog's factory makes a new logger (with an
    /// event-id cache of its own, about 1.2 KB) on every <c>CreateLogger</c>, and ASP.NET Core creates the authentication
    /// handler — which asks for its logger — on every request.
    /// </summary>
    public static IServiceCollection AddVNexsusSerilog(this IServiceCollection services, IConfiguration configuration, LoggingOptions options)
    {
        services.AddSerilog((_, logger) => Configure(logger, configuration, options), preserveStaticLogger: true);
        var serilogFactory = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var createSerilogFactory = serilogFactory.ImplementationFactory
            ?? throw new InvalidOperationException("Serilog no longer registers its logger factory through a factory method; update AddVNexsusSerilog.");
        services.Remove(serilogFactory);
        services.AddSingleton<ILoggerFactory>(provider => new CategoryCachingLoggerFactory((ILoggerFactory)createSerilogFactory(provider)));
        return services;
    }

    public static IApplicationBuilder UseVNexsusRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not Serilog's static one: several hosts may share a process (tests, tools).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (context, http) =>
            {
                context.Set("Route", RouteOf(http));
                context.Set("RequestId", http.TraceIdentifier);
                context.Set("TraceId", Activity.Current?.TraceId.ToString());
            };
            // The default properties include the raw path; only the route template is kept.
            options.IncludeQueryInRequestPath = false;
            options.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });

    /// <summary>The endpoint's route template (<c>/api/ocr/status/{jobId}</c>), or "unmatched" for a path no endpoint serves.</summary>
    public static string RouteOf(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? (template.StartsWith('/') ? template : "/" + template)
            : "unmatched";
}

/// <summary>
/// Every event that carries an exception also carries its error class (TEMPORARY, RATE_LIMIT, INVALID_INPUT, SYSTEM,
/// UNKNOWN), whoever logged it — our code, ASP.NET Core or Orleans — so <c>error.log</c> can be searched by class.
/// </summary>
public sealed class ErrorClassEnricher : ILogEventEnricher
{
    public const string PropertyName = "ErrorClass";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Exception is { } error)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(PropertyName, ErrorClassifier.Name(ErrorClassifier.Classify(error))));
        }
    }
}

/// <summary>One logger per category for the life of the host (categories are type names: a bounded set).</summary>
public sealed class CategoryCachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, Microsoft.Extensions.Logging.ILogger> _loggers = new(StringComparer.Ordinal);

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
