using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace VNexsus.OpsTests;

/// <summary>
/// The Grafana dashboard and the alert rules read only series the services export (or rules record, or Prometheus
/// makes itself), so renaming a metric breaks this test instead of silently emptying a panel or an alert.
/// </summary>
[Collection(LiveScrapeCollection.Name)]
public sealed class MetricNameTests(LiveScrape scrape)
{
    /// <summary>Series Prometheus makes for every target (<c>up</c>) and the Redis exporter's, which no VNexsus process exports.</summary>
    private static readonly HashSet<string> External = ["up", "redis_up"];

    [Fact]
    public void The_expression_parser_finds_metric_names_and_nothing_else()
    {
        Assert.Equal(
            ["http_request_duration_seconds_bucket"],
            PromQl.MetricNames("histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!~\"/health.*|/metrics\",x=\"a{b}\"}[5m])))"));
        Assert.Equal(
            ["active_jobs", "jobs_total", "process_working_set_bytes", "redis_up", "up"],
            PromQl.MetricNames("redis_up == 0 or up{job=\"redis\"} == 0 and sum(active_jobs) > 1e3 unless sum without (instance) (increase(jobs_total[$__rate_interval])) " +
                               "> 0 or process_working_set_bytes > 1000 * 1024").Order());
    }

    [Fact]
    public void Every_metric_the_grafana_dashboard_queries_is_exported()
    {
        var queried = DashboardExpressions().SelectMany(PromQl.MetricNames).ToHashSet();

        foreach (var required in new[]
        {
            "http_request_duration_seconds_count", "http_request_duration_seconds_bucket", "ocr_processing_duration_seconds_bucket", "ocr_pages_total",
            "ocr_cache_requests_total", "active_jobs", "jobs_total", "pipeline_retries_total", "pipeline_errors_total", "process_working_set_bytes", "up",
        })
        {
            Assert.Contains(required, queried);
        }

        Assert.Empty(queried.Except(scrape.SeriesNames).Except(External).Order());
    }

    [Fact]
    public void Every_metric_the_alert_rules_query_is_exported_or_recorded()
    {
        var rules = new YamlStream();
        rules.Load(new StringReader(File.ReadAllText(Tools.Docker("prometheus", "rules.yml"))));
        var all = ((YamlSequenceNode)((YamlMappingNode)rules.Documents[0].RootNode)["groups"]).Cast<YamlMappingNode>()
            .SelectMany(group => ((YamlSequenceNode)group["rules"]).Cast<YamlMappingNode>()).ToList();
        var recorded = all.Where(r => r.Children.ContainsKey("record")).Select(r => ((YamlScalarNode)r["record"]).Value!).ToHashSet();
        var queried = all.SelectMany(r => PromQl.MetricNames(((YamlScalarNode)r["expr"]).Value!)).ToHashSet();

        Assert.Contains("ocr_processing_duration_seconds_bucket", queried);
        Assert.Empty(queried.Except(scrape.SeriesNames).Except(recorded).Except(External).Order());
    }

    private static IEnumerable<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Tools.Docker("grafana", "dashboards", "vnexsus.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();
        Assert.NotEmpty(expressions);
        return expressions;
    }
}
