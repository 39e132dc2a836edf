using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VNexsus.Api;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>A real API (embedded mode) started in-process: its <c>/metrics</c> after a job must pass <c>promtool check metrics</c>
/// and hold every series the alert rules query.</summary>
[Collection(LiveScrapeCollection.Name)]
public sealed class LiveScrapeTests(LiveScrape scrape)
{
    [Fact]
    public async Task A_live_scrape_passes_promtool_check_metrics_and_holds_what_the_rules_query()
    {
        var (code, output) = await Tools.RunAsync(Tools.Require("promtool", "prometheus"), ["check", "metrics"], input: scrape.Text);
        Assert.True(code == 0, $"promtool check metrics (exit {code}):\n{output}");

        foreach (var series in new[]
        {
            "http_request_duration_seconds_bucket{", "http_request_duration_seconds_count{", "ocr_processing_duration_seconds_bucket{",
            "active_jobs ", "jobs_total{", "process_working_set_bytes ", "health_check_status{check=\"cluster\"}", "ocr_pages_total{",
            "ocr_cache_requests_total{", "rule_processing_duration_seconds_bucket{",
            "pipeline_retries_total{operation=\"ocr_page\",error_class=\"TEMPORARY\"} 0", "pipeline_errors_total{operation=\"extraction\",error_class=\"SYSTEM\"} 0",
        })
        {
            Assert.Contains(series, scrape.Text);
        }

        Assert.DoesNotContain("private_internaldiagnostics", scrape.Text);
        Assert.DoesNotContain(scrape.JobId, scrape.Text);
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
