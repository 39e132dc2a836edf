using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VNexsus.Api;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>A real API (embedded mode) started in-process: its <c>/metrics</c> after a job must pass <c>promtool check metrics</c>
/// and hold every series the alert rules query.</summary>
public sealed class LiveScrapeTests
{
    [Fact]
    public async Task A_live_scrape_passes_promtool_check_metrics_and_holds_what_the_rules_query()
    {
        var promtool = Tools.Require("promtool", "prometheus");
        await using var api = await OpsApi.StartAsync();
        var http = api.Http;
        await http.GetStringAsync("/metrics"); // the meter adapter starts listening at the first scrape
        var jobId = await api.RunJobAsync("record.txt", "text/plain", Fixtures.UniqueText());
        await http.GetAsync("/health");

        // health_check_status comes from the health publisher, a few seconds after start.
        var scrape = await Eventually.Until(
            () => http.GetStringAsync("/metrics"),
            m => m.Contains("health_check_status{", StringComparison.Ordinal) && m.Contains("microsoft_orleans_", StringComparison.Ordinal),
            "health_check_status and Orleans' meters in the scrape",
            TimeSpan.FromSeconds(40));

        var (code, output) = await Tools.RunAsync(promtool, ["check", "metrics"], input: scrape);
        Assert.True(code == 0, $"promtool check metrics (exit {code}):\n{output}");

        foreach (var series in new[]
        {
            "http_request_duration_seconds_bucket{", "http_request_duration_seconds_count{", "ocr_processing_duration_seconds_bucket{",
            "active_jobs ", "jobs_total{", "process_working_set_bytes ", "health_check_status{check=\"cluster\"}", "ocr_pages_total{",
            "ocr_cache_requests_total{", "rule_processing_duration_seconds_bucket{",
        })
        {
            Assert.Contains(series, scrape);
        }

        Assert.DoesNotContain("private_internaldiagnostics", scrape);
        Assert.DoesNotContain(jobId, scrape);
    }

    [Fact]
    public async Task The_shutdown_timeout_the_manifests_set_reaches_the_host()
    {
        using var data = new TemporaryDirectory();
        await using var app = ApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--VNexsus:DataDir={data.Path}",
            "--VNexsus:Logging:Directory=",
            "--shutdownTimeoutSeconds=75",
        ]);

        Assert.Equal(TimeSpan.FromSeconds(75), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
