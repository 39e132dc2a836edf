using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>
/// <c>/health/live</c>, <c>/health/ready</c> and <c>/health</c> over real HTTP against the real API (embedded mode,
/// co-hosted silo): the JSON shape, 200 when every check is healthy, 503 when one is not, and the 5 s per-check limit.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_healthy_node_answers_200_on_every_endpoint_with_every_check()
    {
        await using var server = await StartAsync();

        var (status, body) = await GetAsync(server, "/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("timestamp").GetString(), out _));
        Assert.True(body.GetProperty("duration").GetDouble() >= 0);
        var checks = body.GetProperty("checks");
        foreach (var name in new[] { "cluster", "dataDirectory", "disk", "ocr:tesseract" })
        {
            Assert.Equal("healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }

        Assert.Contains("local silo active", checks.GetProperty("cluster").GetProperty("description").GetString());
        Assert.False(checks.TryGetProperty("redis", out _)); // only in the distributed mode

        var (readyStatus, ready) = await GetAsync(server, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal(["cluster", "dataDirectory"], ready.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order());

        var (liveStatus, live) = await GetAsync(server, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task A_missing_tesseract_makes_health_503_but_leaves_the_node_live_and_ready()
    {
        await using var server = await StartAsync("--VNexsus:Ocr:Tesseract:Executable=/nonexistent/tesseract");

        var (status, body) = await GetAsync(server, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var tesseract = body.GetProperty("checks").GetProperty("ocr:tesseract");
        Assert.Equal("unhealthy", tesseract.GetProperty("status").GetString());
        Assert.Contains("not found", tesseract.GetProperty("description").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, "/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, "/health/live")).Status);

        // The publisher turns the latest results into health_check_status{check} for the alert rules.
        await Eventually.Until(
            () => server.Http.GetStringAsync("/metrics"),
            metrics => metrics.Contains("health_check_status{check=\"ocr:tesseract\"} 0", StringComparison.Ordinal),
            "health_check_status to report the failing Tesseract check",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_language_without_traineddata_is_reported_by_name()
    {
        await using var server = await StartAsync("--VNexsus:Ocr:Tesseract:Languages=kor+xyz");

        var (status, body) = await GetAsync(server, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("xyz", body.GetProperty("checks").GetProperty("ocr:tesseract").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Too_little_free_disk_space_makes_health_503()
    {
        await using var server = await StartAsync("--VNexsus:Health:MinimumFreeDiskMegabytes=1000000000000");

        var (status, body) = await GetAsync(server, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var disk = body.GetProperty("checks").GetProperty("disk");
        Assert.Equal("unhealthy", disk.GetProperty("status").GetString());
        Assert.Equal(1000000000000, disk.GetProperty("data").GetProperty("minimumFreeMegabytes").GetInt64());
    }

    [Fact]
    public async Task A_check_that_hangs_is_cut_off_at_its_time_limit()
    {
        using var tools = new TemporaryDirectory();
        var hanging = Path.Combine(tools.Path, "tesseract");
        await File.WriteAllTextAsync(hanging, "#!/bin/sh\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await using var server = await StartAsync($"--VNexsus:Ocr:Tesseract:Executable={hanging}", "--VNexsus:Health:CheckTimeout=00:00:01");

        var clock = Stopwatch.StartNew();
        var (status, body) = await GetAsync(server, "/health");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"/health took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var tesseract = body.GetProperty("checks").GetProperty("ocr:tesseract");
        Assert.Equal("unhealthy", tesseract.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_vision_engine_is_checked_by_configuration_and_a_connection_never_by_a_request()
    {
        using var endpoint = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        endpoint.Start();
        var port = ((IPEndPoint)endpoint.LocalEndpoint).Port;
        await using (var server = await StartAsync("--VNexsus:Ocr:Engine=Vision", "--VNexsus:Ocr:Vision:ApiKey=placeholder", $"--VNexsus:Ocr:Vision:Endpoint=http://127.0.0.1:{port}/"))
        {
            var (status, body) = await GetAsync(server, "/health");
            await GetAsync(server, "/health");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("healthy", body.GetProperty("checks").GetProperty("ocr:vision").GetProperty("status").GetString());
        }

        // One connection for both probes (the result is reused), and not a byte sent on it: no request, no quota.
        using var accepted = await endpoint.AcceptTcpClientAsync();
        accepted.ReceiveTimeout = 500;
        var read = 0;
        try
        {
            read = accepted.GetStream().Read(new byte[16]);
        }
        catch (IOException)
        {
        }

        Assert.Equal(0, read);
        Assert.False(endpoint.Pending());

        endpoint.Stop();
        await using var unreachable = await StartAsync("--VNexsus:Ocr:Engine=Vision", "--VNexsus:Ocr:Vision:ApiKey=placeholder", $"--VNexsus:Ocr:Vision:Endpoint=http://127.0.0.1:{port}/");
        var (downStatus, down) = await GetAsync(unreachable, "/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Contains("unreachable", down.GetProperty("checks").GetProperty("ocr:vision").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_None_engine_has_no_ocr_check()
    {
        await using var server = await StartAsync("--VNexsus:Ocr:Engine=None");

        var (status, body) = await GetAsync(server, "/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(body.GetProperty("checks").EnumerateObject(), p => p.Name.StartsWith("ocr:", StringComparison.Ordinal));
    }

    /// <summary>The real API with the Tesseract engine (the default) and more settings.</summary>
    private static Task<ApiServer> StartAsync(params string[] settings) => ApiServer.StartAsync(ocrEngine: "Tesseract", settings: settings);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(ApiServer server, string path)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
