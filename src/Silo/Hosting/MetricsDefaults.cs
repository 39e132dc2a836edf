using Prometheus;

namespace VNexsus.Hosting;

/// <summary>
/// What prometheus-net exports besides our own metrics, chosen so that <c>promtool check metrics</c> passes on a scrape:
/// Orleans' meter (<c>microsoft_orleans_*</c>), ASP.NET Core's, HttpClient's and Polly's meters and the process and GC
/// basics (<c>process_*</c>, <c>dotnet_*</c>). Left out: the event-counter adapter and the <c>System.Runtime</c> meter
/// (gauges named <c>…_count</c>, which promtool rejects, duplicating <c>process_*</c>/<c>dotnet_*</c>) and the ~30
/// <c>private_internaldiagnostics_*</c> QUIC series (orleans.md §8.1).
/// </summary>
public static class MetricsDefaults
{
    private static int _configured;

    /// <summary>Call before the first scrape (the adapters start on the first collection); later calls do nothing.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = instrument => Exported(instrument.Meter.Name));
    }

    public static bool Exported(string meter) =>
        meter is not "System.Runtime"
        && !meter.StartsWith("Private.InternalDiagnostics", StringComparison.Ordinal)
        && !meter.StartsWith("System.Net.Quic", StringComparison.Ordinal);
}
