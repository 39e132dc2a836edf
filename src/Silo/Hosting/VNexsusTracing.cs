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
        var exportOtlp = IsOtlpConfigured(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName.ToLowerInvariant()))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(PropagatedSources)
                    // Scrapes, probes and the dashboard's polling would bury the requests operators look for.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperatorPath(http.Request.Path))
                    .AddHttpClientInstrumentation();
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
    }

    public static bool IsOtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) || !string.IsNullOrWhiteSpace(configuration[OtlpTracesEndpointKey]);

    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health") || path.StartsWithSegments(VNexsusHosting.DashboardPath);
}
