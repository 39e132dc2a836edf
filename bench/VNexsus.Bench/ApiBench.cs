using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using VNexsus.Api;

namespace VNexsus.Bench;

public sealed record ApiResult(int Pages, long Bytes, int WarmUpPairs, TimeSpan PollDelay, Stats FirstUpload, Stats CacheHit, TimeSpan Startup);

/// <summary>
/// (c) Time from the start of <c>POST /api/ocr/upload</c> until <c>GET /api/ocr/status/{jobId}</c> says completed, through
/// the real HTTP API of an embedded-mode host started in this process on loopback. Each run uploads new bytes (the
/// fixture plus a unique trailing comment: a first upload that is extracted) and then the same bytes again (a cache hit).
/// The two kinds alternate so that drift over the run affects both alike.
/// </summary>
public sealed class ApiBench : IAsyncDisposable
{
    private const string FileName = "outpatient-record.pdf";
    private static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly HostLog _log;
    private bool _started;

    private ApiBench(WebApplication app, HttpClient http, HostLog log)
    {
        _app = app;
        _http = http;
        _log = log;
    }

    public static async Task<ApiResult> RunAsync(byte[] fixture, int fixturePages, BenchOptions options, string workDir, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var bench = await StartAsync(workDir, cancellationToken);
        var startup = Stopwatch.GetElapsedTime(started);
        try
        {
            return await bench.MeasureAsync(fixture, fixturePages, options, startup, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            bench._log.DumpTail(Console.Error);
            throw;
        }
    }

    private static async Task<ApiBench> StartAsync(string workDir, CancellationToken cancellationToken)
    {
        var hostDir = Directory.CreateDirectory(Path.Combine(workDir, "host")).FullName;
        var dataDir = Directory.CreateDirectory(Path.Combine(workDir, "data")).FullName;
        var ports = VNexsus.Testing.FreePort.Many(3);
        var log = HostLog.Capture(Path.Combine(workDir, "host.log"));
        WebApplication app;
        try
        {
            app = ApiHost.Build(
            [
                "--urls", $"http://127.0.0.1:{ports[0]}",
                "--contentRoot", hostDir,
                $"--VNexsus:DataDir={dataDir}",
                $"--VNexsus:SiloPort={ports[1]}",
                $"--VNexsus:GatewayPort={ports[2]}",
                "--Serilog:MinimumLevel:Default=Warning",
            ]);
        }
        catch
        {
            log.DumpTail(Console.Error);
            log.Dispose();
            throw;
        }

        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var bench = new ApiBench(app, http, log);
        try
        {
            Progress.Say($"api: starting the embedded host on 127.0.0.1:{ports[0]} (silo {ports[1]}, gateway {ports[2]})");
            await app.StartAsync(cancellationToken);
            bench._started = true;
            await bench.WaitUntilHealthyAsync(cancellationToken);
            return bench;
        }
        catch (Exception error)
        {
            if (error is not OperationCanceledException)
            {
                log.DumpTail(Console.Error);
            }

            await bench.DisposeAsync();
            throw;
        }
    }

    private async Task<ApiResult> MeasureAsync(byte[] fixture, int fixturePages, BenchOptions options, TimeSpan startup, CancellationToken cancellationToken)
    {
        Progress.Say($"api: {options.WarmUpPairs} warm-up pair(s), then {options.Runs} first uploads and {options.Runs} cache hits");
        for (var pair = 0; pair < options.WarmUpPairs; pair++)
        {
            var bytes = Unique(fixture);
            var first = await TimeJobAsync(bytes, expectFromCache: false, options.PollDelay, cancellationToken);
            await VerifyResultAsync(first.JobId, fixturePages, cancellationToken);
            var hit = await TimeJobAsync(bytes, expectFromCache: true, options.PollDelay, cancellationToken);
            await VerifyResultAsync(hit.JobId, fixturePages, cancellationToken);
        }

        var firstUploads = new List<double>();
        var cacheHits = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            var bytes = Unique(fixture);
            firstUploads.Add((await TimeJobAsync(bytes, expectFromCache: false, options.PollDelay, cancellationToken)).Elapsed.TotalMilliseconds);
            cacheHits.Add((await TimeJobAsync(bytes, expectFromCache: true, options.PollDelay, cancellationToken)).Elapsed.TotalMilliseconds);
        }

        return new ApiResult(fixturePages, fixture.Length, options.WarmUpPairs, options.PollDelay, new Stats(firstUploads), new Stats(cacheHits), startup);
    }

    /// <summary>The fixture with a unique comment line after its end: new content (a new hash), the same document.</summary>
    private static byte[] Unique(byte[] fixture) => [.. fixture, .. Encoding.ASCII.GetBytes($"%bench-{Guid.NewGuid():N}\n")];

    private async Task<(string JobId, TimeSpan Elapsed)> TimeJobAsync(byte[] pdf, bool expectFromCache, TimeSpan pollDelay, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", FileName);
        using var response = await _http.PostAsync("/api/ocr/upload", form, cancellationToken);
        var accepted = await ReadJsonAsync(response, HttpStatusCode.Accepted, "POST /api/ocr/upload", cancellationToken);
        var jobId = accepted.GetProperty("jobId").GetString() ?? throw new BenchFailure("The upload answer has no jobId.");
        var cache = accepted.GetProperty("cacheStats");
        var fromCache = cache.GetProperty("fromCache").GetInt32();
        if (cache.GetProperty("totalFiles").GetInt32() != 1 || fromCache != (expectFromCache ? 1 : 0))
        {
            throw new BenchFailure($"Expected a {(expectFromCache ? "cache hit" : "first upload")}, but the upload answered cacheStats {cache}.");
        }

        var status = accepted.GetProperty("status").GetString();
        while (true)
        {
            if (status == "completed")
            {
                return (jobId, Stopwatch.GetElapsedTime(started));
            }

            if (status is not ("processing" or "queued"))
            {
                throw new BenchFailure($"Job {jobId} ended as '{status}'.");
            }

            if (Stopwatch.GetElapsedTime(started) > JobDeadline)
            {
                throw new BenchFailure($"Job {jobId} was still '{status}' after {JobDeadline.TotalSeconds:0} s.");
            }

            await Task.Delay(pollDelay, cancellationToken);
            using var poll = await _http.GetAsync($"/api/ocr/status/{jobId}", cancellationToken);
            var body = await ReadJsonAsync(poll, HttpStatusCode.OK, "GET /api/ocr/status", cancellationToken);
            status = body.GetProperty("status").GetString();
            if (status == "completed" && body.GetProperty("outcome").GetString() != "completed")
            {
                throw new BenchFailure($"Job {jobId} completed with outcome '{body.GetProperty("outcome")}'.");
            }
        }
    }

    /// <summary>Once per warm-up job: the result really holds the document's pages, so the timings are of real work.</summary>
    private async Task VerifyResultAsync(string jobId, int expectedPages, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"/api/ocr/result/{jobId}", cancellationToken);
        var result = await ReadJsonAsync(response, HttpStatusCode.OK, "GET /api/ocr/result", cancellationToken);
        var file = result.GetProperty("results").GetProperty("file_1");
        var pages = file.GetProperty("pageCount").GetInt32();
        var textLength = file.GetProperty("mergedText").GetString()?.Length ?? 0;
        if (pages != expectedPages || textLength == 0)
        {
            throw new BenchFailure($"Job {jobId}'s result has {pages} pages and {textLength} characters of text; expected {expectedPages} pages of text.");
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await _http.GetAsync("/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException error)
            {
                last = error.Message;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new BenchFailure($"The host did not become healthy within 60 s; last /health: {last}");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new BenchFailure($"{what} answered {(int)response.StatusCode} (expected {(int)expected}): {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (_started)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _app.StopAsync(timeout.Token);
            }
        }
        finally
        {
            await _app.DisposeAsync();
            _log.Dispose();
        }
    }
}

/// <summary>
/// The host logs to the console (compact JSON); while it runs, the process's stdout goes to a file instead, so stdout
/// carries only the table. The file's tail is shown on stderr when something fails.
/// </summary>
public sealed class HostLog : IDisposable
{
    private readonly TextWriter _original;
    private readonly StreamWriter _file;
    private readonly string _path;

    private HostLog(string path)
    {
        _path = path;
        _original = Console.Out;
        _file = new StreamWriter(path, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(_file);
    }

    public static HostLog Capture(string path) => new(path);

    public void DumpTail(TextWriter to, int lines = 40)
    {
        try
        {
            _file.Flush();
            using var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var tail = new StreamReader(reader).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines).ToList();
            to.WriteLine($"--- last {tail.Count} lines of the host log ---");
            tail.ForEach(to.WriteLine);
            to.WriteLine("--- end of host log ---");
        }
        catch (IOException)
        {
            // Nothing to show.
        }
    }

    public void Dispose()
    {
        Console.SetOut(_original);
        _file.Dispose();
    }
}
