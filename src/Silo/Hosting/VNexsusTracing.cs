using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using VNexsus.Telemetry;

namespace VNexsus.Hosting;

/// <summary>
/// OpenTelemetry tracing for every host: the HTTP request, each grain call (Orleans' activity propagation carries the
/// W3C trace context across silos, see <see cref="PropagatedSources"/>), outgoing HTTP (Vision) and the pipeline's own
/// spans, so one upload is one trace from the API through every grain hop. Spans are exported over OTLP only when the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>) is set; the exporter
/// reads the other standard <c>OTEL_*</c> settings itself (protocol, headers, timeout, <c>OTEL_SERVICE_NAME</c>).
/// Without an exporter no tracer provider is built: a provider listens to its sources whether or not anything exports,
/// so every request and every grain call (two per call) would make and tag spans nobody reads. A host that exports
/// elsewhere turns tracing on with <c>services.AddOpenTelemetry().WithTracing(t => t.AddYourExporter())</c>; the
/// sources and instrumentation below apply to that provider too.
/// </summary>
public static class VNexsusTracing
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpTracesEndpointKey = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    /// <summary>Orleans' grain-call spans (application grains and runtime calls) and the pipeline's spans.</summary>
    public static readonly string[] PropagatedSources =
    [
        PipelineTracing.SourceName,
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.RuntimeActivitySourceName,
    ];

    public static void AddVNexsusTracing(this WebApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName.ToLowerInvariant();
        // Applied to a tracer provider when one is built (below with OTLP, or by the host with an exporter of its own).
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .ConfigureResource(resource => resource.AddService(serviceName: serviceName))
            .AddSource(PropagatedSources)
            // Scrapes, probes and the dashboard's polling would bury the requests operators look for.
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperatorPath(http.Request.Path))
            .AddHttpClientInstrumentation());
        if (IsOtlpConfigured(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddOtlpExporter());
        }
    }

    public static bool IsOtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) || !string.IsNullOrWhiteSpace(configuration[OtlpTracesEndpointKey]);

    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health") || path.StartsWithSegments(VNexsusHosting.DashboardPath);
}
