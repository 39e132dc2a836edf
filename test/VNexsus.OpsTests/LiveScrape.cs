using System.Text.RegularExpressions;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>
/// One scrape of a real API's <c>/metrics</c> after a completed job and a health probe, shared by the tests that check
/// what Prometheus, the alert rules and the Grafana dashboard read.
/// </summary>
public sealed partial class LiveScrape : IAsyncLifetime
{
    private ApiServer? _api;

    public string Text { get; private set; } = "";

    public string JobId { get; private set; } = "";

    /// <summary>The names of the series in the scrape (histograms as their <c>_bucket</c>, <c>_sum</c> and <c>_count</c>).</summary>
    public IReadOnlySet<string> SeriesNames => SampleName().Matches(Text).Select(m => m.Groups[1].Value).ToHashSet();

    public async Task InitializeAsync()
    {
        _api = await ApiServer.StartAsync(ocrEngine: "Tesseract");
        var http = _api.Http;
        await http.GetStringAsync("/metrics"); // the meter adapter starts listening at the first scrape
        JobId = await _api.RunJobAsync("record.txt", "text/plain", Fixtures.UniqueText());
        await http.GetAsync("/health");

        // health_check_status comes from the health publisher, a few seconds after start.
        Text = await Eventually.Until(
            () => http.GetStringAsync("/metrics"),
            m => m.Contains("health_check_status{", StringComparison.Ordinal) && m.Contains("microsoft_orleans_", StringComparison.Ordinal),
            "health_check_status and Orleans' meters in the scrape",
            TimeSpan.FromSeconds(40));
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", RegexOptions.Multiline)]
    private static partial Regex SampleName();
}

[CollectionDefinition(Name)]
public sealed class LiveScrapeCollection : ICollectionFixture<LiveScrape>
{
    public const string Name = "live scrape";
}
