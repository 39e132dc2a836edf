using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;
using Xunit;

namespace VNexsus.DistributedTests;

/// <summary>
/// The processes the compose file describes (Redis, two silos, the API), run directly on this machine and scraped by a
/// real Prometheus with the real alert rules: every target is up, the recording rules compute from the scraped series,
/// and killing a silo brings its <c>SiloDown</c> alert.
/// </summary>
public sealed class PrometheusScrapeTests(DistributedCluster cluster) : IClassFixture<DistributedCluster>
{
    [Fact]
    public async Task A_real_prometheus_scrapes_every_node_evaluates_the_rules_and_sees_a_killed_silo()
    {
        using var work = new TemporaryDirectory();
        var port = FreePort.Next();
        var rules = Path.Combine(RepositoryRoot(), "docker", "prometheus", "rules.yml");
        await File.WriteAllTextAsync(Path.Combine(work.Path, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ["{rules}"]
            scrape_configs:
              - job_name: vnexsus-api
                static_configs: [{"{"}targets: ["{cluster.ApiOperatorAddress.Authority}"]{"}"}]
              - job_name: vnexsus-silo
                static_configs: [{"{"}targets: [{string.Join(", ", cluster.SiloAddresses.Select(a => $"\"{a.Authority}\""))}]{"}"}]
            """);
        using var prometheus = ChildProcess.Start("prometheus", "/usr/bin/prometheus",
            [$"--config.file={Path.Combine(work.Path, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(work.Path, "tsdb")}", $"--web.listen-address=127.0.0.1:{port}"],
            work.Path, Path.Combine(work.Path, "prometheus.log"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await RunJobAsync();

            await UntilAsync(http, "sum(up{job=~\"vnexsus-.*\"})", value => value == 3, "all three nodes scraped and up");
            await UntilAsync(http, "sum(ocr_pages_total)", value => value > 0, "OCR pages counted by the silos");
            // A rate needs the counter to move between two scrapes: keep asking the API while waiting for the rule.
            await UntilAsync(http, "vnexsus:http_requests:rate5m", value => value > 0, "the request-rate recording rule computed from the scrape",
                () => cluster.Api.GetAsync($"/api/ocr/status/{Guid.NewGuid()}"));
            var rulesHealth = await http.GetFromJsonAsync<JsonElement>("/api/v1/rules");
            var unhealthy = rulesHealth.GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray())
                .Where(r => r.GetProperty("health").GetString() is not ("ok" or "unknown"))
                .Select(r => r.GetProperty("name").GetString())
                .ToList();
            Assert.Empty(unhealthy);

            cluster.KillSilo(1);
            await UntilAsync(http, "sum(up{job=\"vnexsus-silo\"})", value => value == 1, "the killed silo's target down");
            await Eventually.Until(
                () => http.GetFromJsonAsync<JsonElement>("/api/v1/alerts"),
                alerts => alerts.GetProperty("data").GetProperty("alerts").EnumerateArray()
                    .Any(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "SiloDown"),
                "SiloDown pending or firing",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            prometheus.Kill();
        }
    }

    private async Task RunJobAsync()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Fixtures.UniqueText());
        file.Headers.ContentType = new("text/plain");
        form.Add(file, "files", "record.txt");
        var upload = await cluster.Api.PostAsync(new Uri(cluster.ApiAddress, "/api/ocr/upload"), form);
        upload.EnsureSuccessStatusCode();
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        await Eventually.Until(
            async () => (await cluster.Api.GetFromJsonAsync<JsonElement>(new Uri(cluster.ApiAddress, $"/api/ocr/status/{jobId}"))).GetProperty("status").GetString(),
            status => status == "completed",
            "the job to complete",
            TimeSpan.FromSeconds(120));
    }

    /// <summary>Waits until the instant query returns one sample whose value satisfies <paramref name="done"/>.</summary>
    private static Task UntilAsync(HttpClient prometheus, string query, Func<double, bool> done, string what, Func<Task<HttpResponseMessage>>? traffic = null) =>
        Eventually.Until(
            async () =>
            {
                if (traffic is not null)
                {
                    (await traffic()).Dispose();
                }

                var answer = await prometheus.GetFromJsonAsync<JsonElement>($"/api/v1/query?query={Uri.EscapeDataString(query)}");
                var result = answer.GetProperty("data").GetProperty("result");
                return result.GetArrayLength() == 1 ? double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
            },
            value => !double.IsNaN(value) && done(value),
            $"{what} ({query})",
            TimeSpan.FromSeconds(90));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VNexsus.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VNexsus.Orleans.sln was not found above the test assembly.");
    }
}
