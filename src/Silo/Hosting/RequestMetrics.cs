using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace VNexsus.Hosting;

/// <summary>
/// <c>http_request_duration_seconds{method,route,status_code}</c>: the route is the endpoint's template, so job ids never
/// become label values and the series count stays bounded.
/// </summary>
public static class RequestMetrics
{
    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "http_request_duration_seconds",
        "Time to answer an HTTP request, by route template.",
        new HistogramConfiguration
        {
            LabelNames = ["method", "route", "status_code"],
            Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
        });

    public static IApplicationBuilder UseVNexsusRequestMetrics(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Duration
                    .WithLabels(context.Request.Method, VNexsusLogging.RouteOf(context), context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        });
}
