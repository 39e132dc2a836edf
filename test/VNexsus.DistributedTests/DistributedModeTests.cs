using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using UglyToad.PdfPig.Writer;
using VNexsus.Testing;
using Xunit;
using Xunit.Abstractions;

namespace VNexsus.DistributedTests;

/// <summary>
/// End to end over real HTTP against two silo processes and the API process clustered through a real Redis
/// (orleans.md §2.2, §2.3, §10.3).
/// </summary>
public sealed class DistributedModeTests(DistributedCluster cluster, ITestOutputHelper output) : IClassFixture<DistributedCluster>
{
    private static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(120);

    /// <summary>Twelve pages of Tesseract take seconds on a quiet 2-core machine and minutes on a crowded one.</summary>
    private static readonly TimeSpan ScanDeadline = TimeSpan.FromSeconds(360);

    [Fact]
    public async Task Upload_is_processed_by_the_silos_masked_and_served_from_cache_the_second_time()
    {
        WriteTimings();
        var pdf = Fixtures.Bytes(Fixtures.OutpatientPdf);

        var first = await UploadAsync(pdf, "진료기록.pdf", "application/pdf");
        Assert.True(first.Status == HttpStatusCode.Accepted, Explain("the first upload to be accepted", first));
        var jobId = JsonString(first.Body, "jobId");
        await WaitForCompletionAsync(jobId);

        var result = await cluster.GetAsync(new Uri(cluster.ApiAddress, $"/api/ocr/result/{jobId}"));
        Assert.True(result.Status == HttpStatusCode.OK, Explain("the result to be 200", result));
        using (var json = JsonDocument.Parse(result.Body))
        {
            var file = json.RootElement.GetProperty("results").GetProperty("file_1");
            Assert.Equal("진료기록.pdf", file.GetProperty("filename").GetString());
            Assert.False(file.GetProperty("fromCache").GetBoolean());
            var merged = file.GetProperty("mergedText").GetString()!;
            Assert.Contains("2024.03.07", merged, StringComparison.Ordinal);
            Assert.Contains("******-*******", merged, StringComparison.Ordinal);
            Assert.True(json.RootElement.GetProperty("events").GetArrayLength() > 0, Explain("events to be non-empty", result));
        }

        Assert.DoesNotContain(Fixtures.ResidentNumber, result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixtures.ResidentNumber.Replace("-", "", StringComparison.Ordinal), result.Body, StringComparison.Ordinal);

        var second = await UploadAsync(pdf, "진료기록.pdf", "application/pdf");
        Assert.True(second.Status == HttpStatusCode.Accepted, Explain("the second upload to be accepted", second));
        using (var json = JsonDocument.Parse(second.Body))
        {
            Assert.True(json.RootElement.GetProperty("cacheStats").GetProperty("fromCache").GetInt32() == 1, Explain("the second upload to be served from the cache", second));
        }

        var secondJob = JsonString(second.Body, "jobId");
        await WaitForCompletionAsync(secondJob);
        var cached = await cluster.GetAsync(new Uri(cluster.ApiAddress, $"/api/ocr/result/{secondJob}"));
        Assert.True(cached.Status == HttpStatusCode.OK, Explain("the cached result to be 200", cached));
        using (var json = JsonDocument.Parse(cached.Body))
        {
            Assert.True(json.RootElement.GetProperty("results").GetProperty("file_1").GetProperty("fromCache").GetBoolean(), Explain("file_1.fromCache", cached));
        }

        Assert.DoesNotContain(Fixtures.ResidentNumber, cached.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_of_one_scan_are_recognised_by_both_silo_processes()
    {
        WriteTimings();
        // Twelve pages placed at random over two silos all land on one with probability 2^-11.
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf);
        var twelvePages = FaultDocument.Unique(PdfMerger.Merge([scan, scan, scan, scan]));

        var upload = await UploadAsync(twelvePages, "스캔기록.pdf", "application/pdf");
        Assert.True(upload.Status == HttpStatusCode.Accepted, Explain("the upload to be accepted", upload));
        var jobId = JsonString(upload.Body, "jobId");
        await WaitForCompletionAsync(jobId, ScanDeadline);

        var result = await cluster.GetAsync(new Uri(cluster.ApiAddress, $"/api/ocr/result/{jobId}"));
        using var json = JsonDocument.Parse(result.Body);
        var file = json.RootElement.GetProperty("results").GetProperty("file_1");
        Assert.True(file.GetProperty("pageCount").GetInt32() == 12, Explain("a 12-page result", result));
        // The OCR step names how many silos recognised the pages (the extraction's OcrSilos).
        var ocrStep = file.GetProperty("processingSteps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "ocr");
        var message = ocrStep.GetProperty("message").GetString()!;
        output.WriteLine(message);
        Assert.True(message.StartsWith("12/12쪽 OCR 완료", StringComparison.Ordinal) && message.Contains("노드 2곳", StringComparison.Ordinal), $"the pages were not recognised on both silo processes: {message}");
    }

    [Fact]
    public async Task Grain_state_is_kept_in_redis()
    {
        WriteTimings();
        var (jobId, sha256) = await CompleteTextJobAsync();

        var prefix = $"{cluster.ServiceId}/state/";
        var keys = await RespClient.KeysAsync(cluster.RedisPort, prefix + "*");
        var listing = $"state keys in Redis: [{string.Join(", ", keys)}]";
        Assert.True(keys.Count > 0, listing);
        Assert.True(keys.Any(k => k.Contains(jobId, StringComparison.Ordinal)), $"no state key for job {jobId}; {listing}");
        Assert.True(keys.Any(k => k.Contains(sha256, StringComparison.OrdinalIgnoreCase)), $"no state key for document {sha256}; {listing}");

        // The key holds the job grain's real state (its request names the uploaded document), not a placeholder.
        var jobKey = keys.First(k => k.Contains(jobId, StringComparison.Ordinal));
        var type = await RespClient.CommandAsync(cluster.RedisPort, "TYPE", jobKey);
        var stored = type switch
        {
            "string" => await RespClient.CommandAsync(cluster.RedisPort, "GET", jobKey) as string,
            "hash" => string.Join("\n", (await RespClient.HashGetAllAsync(cluster.RedisPort, jobKey)).Values),
            _ => null,
        };
        Assert.True(
            stored is not null && stored.Contains(sha256, StringComparison.OrdinalIgnoreCase) && stored.Contains("경과기록.txt", StringComparison.Ordinal),
            $"{jobKey} ({type}) does not hold the job's state: {stored}");

        // AOF is on (orleans.md §2.3 asks for persistence on the membership Redis); RDB snapshots are off.
        var appendOnly = (List<object?>)(await RespClient.CommandAsync(cluster.RedisPort, "CONFIG", "GET", "appendonly"))!;
        Assert.Equal("yes", appendOnly[1]);
        var save = (List<object?>)(await RespClient.CommandAsync(cluster.RedisPort, "CONFIG", "GET", "save"))!;
        Assert.Equal("", save[1]);
    }

    [Fact]
    public async Task The_cluster_API_wants_a_key_and_serves_metrics_only_on_its_operator_port()
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.ApiAddress, Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/ocr/status/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(cluster.ApiOperatorAddress, "/metrics"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cluster.Api.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task A_purge_leaves_no_redis_key_and_no_file_holding_the_job_or_its_document()
    {
        WriteTimings();
        var (jobId, sha256) = await CompleteTextJobAsync();
        var report = await cluster.GetAsync(new Uri(cluster.ApiAddress, $"/api/jobs/{jobId}/report"));
        Assert.True(report.Status == HttpStatusCode.OK, Explain("the report to be 200", report));
        Assert.NotEmpty(await RedisRemnantsAsync(jobId, sha256));

        using var purge = await cluster.Api.DeleteAsync($"/api/ocr/jobs/{jobId}?purge=true");

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        var status = await cluster.GetAsync(new Uri(cluster.ApiAddress, $"/api/ocr/status/{jobId}"));
        Assert.True(status.Status == HttpStatusCode.NotFound, Explain("the purged job to be 404", status));
        var remnants = await RedisRemnantsAsync(jobId, sha256);
        Assert.True(remnants.Count == 0, $"Redis still holds the job or its document: {string.Join(", ", remnants)}");
        var files = Directory.EnumerateFiles(cluster.DataDir, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f.Contains(sha256, StringComparison.Ordinal) || File.ReadAllText(f) is var content && (content.Contains(jobId, StringComparison.Ordinal) || content.Contains(sha256, StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count == 0, $"the shared data directory still holds the job or its document: {string.Join(", ", files)}");
    }

    /// <summary>Every Redis key whose name or value mentions one of <paramref name="needles"/> (SCAN over the whole keyspace).</summary>
    private async Task<List<string>> RedisRemnantsAsync(params string[] needles)
    {
        var found = new List<string>();
        foreach (var key in await RespClient.KeysAsync(cluster.RedisPort, "*"))
        {
            var type = await RespClient.CommandAsync(cluster.RedisPort, "TYPE", key) as string;
            var content = type switch
            {
                "string" => await RespClient.CommandAsync(cluster.RedisPort, "GET", key) as string,
                "hash" => string.Join("\n", (await RespClient.HashGetAllAsync(cluster.RedisPort, key)).Select(p => $"{p.Key}={p.Value}")),
                "zset" => Join(await RespClient.CommandAsync(cluster.RedisPort, "ZRANGE", key, "0", "-1")),
                "set" => Join(await RespClient.CommandAsync(cluster.RedisPort, "SMEMBERS", key)),
                "list" => Join(await RespClient.CommandAsync(cluster.RedisPort, "LRANGE", key, "0", "-1")),
                _ => null,
            };
            found.AddRange(needles.Where(n => key.Contains(n, StringComparison.OrdinalIgnoreCase) || content?.Contains(n, StringComparison.OrdinalIgnoreCase) == true).Select(n => $"{key} ({type}): {n}"));
        }

        return found;
    }

    private static string Join(object? reply) => reply is List<object?> items ? string.Join("\n", items) : string.Empty;

    private async Task<HttpAnswer> UploadAsync(byte[] bytes, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "files", fileName);
        using var response = await cluster.Api.PostAsync("/api/ocr/upload", form);
        return new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a text of its own (no cache hit) and waits for its job to complete.</summary>
    private async Task<(string JobId, string Sha256)> CompleteTextJobAsync()
    {
        var text = Fixtures.UniqueText();
        var upload = await UploadAsync(text, "경과기록.txt", "text/plain");
        Assert.True(upload.Status == HttpStatusCode.Accepted, Explain("the upload to be accepted", upload));
        var jobId = JsonString(upload.Body, "jobId");
        await WaitForCompletionAsync(jobId);
        return (jobId, Convert.ToHexStringLower(SHA256.HashData(text)));
    }

    private async Task WaitForCompletionAsync(string jobId, TimeSpan? deadline = null)
    {
        var status = await cluster.WaitAsync(
            () => cluster.GetAsync(new Uri(cluster.ApiAddress, $"/api/ocr/status/{jobId}")),
            a => a.Status == HttpStatusCode.OK && JsonString(a.Body, "status") is "completed" or "failed",
            $"job {jobId} to finish",
            deadline ?? JobDeadline);
        Assert.True(JsonString(status.Body, "status") == "completed", Explain($"job {jobId} to complete", status));
    }

    private string Explain(string expectation, HttpAnswer answer) =>
        $"Expected {expectation}; got {answer}\n{cluster.LogTails(25)}";

    private void WriteTimings()
    {
        output.WriteLine($"ServiceId {cluster.ServiceId}, ClusterId {cluster.ClusterId}, API {cluster.ApiAddress}, silos {string.Join(", ", cluster.SiloAddresses)}");
        foreach (var line in cluster.Timings)
        {
            output.WriteLine(line);
        }
    }

    private static string JsonString(string body, string property)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty(property).GetString() ?? "";
    }
}
