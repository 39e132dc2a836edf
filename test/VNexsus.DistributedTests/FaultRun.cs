using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VNexsus.Testing;
using Xunit;
using Xunit.Abstractions;

namespace VNexsus.DistributedTests;

/// <summary>
/// One document of a fault workload: fixture bytes made unique with a trailing comment (after <c>%%EOF</c> of a PDF,
/// after the <c>IEND</c> chunk of a PNG), so it has a hash of its own and is never served from another test's cache.
/// </summary>
public sealed record FaultDocument(string FileName, string ContentType, bool IsScan, int Pages, byte[] Bytes)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>The 3-page outpatient record with a text layer (read without OCR, fast).</summary>
    public static FaultDocument TextPdf(string fileName) => new(fileName, "application/pdf", false, 3, Unique(Fixtures.Bytes(Fixtures.OutpatientPdf)));

    /// <summary>The 3-page scan: three pages for Tesseract, placed at random over the silos.</summary>
    public static FaultDocument ScannedPdf(string fileName) => new(fileName, "application/pdf", true, 3, Unique(Fixtures.Bytes(Fixtures.ScannedPdf)));

    /// <summary>One scanned page as a PNG: one page for Tesseract.</summary>
    public static FaultDocument ScanImage(string fileName) => new(fileName, "image/png", true, 1, Unique(Fixtures.Bytes(Fixtures.ScanPng)));

    /// <summary>The document with a comment of its own after its end: new bytes (a new hash, no cache hit), same content.</summary>
    public static byte[] Unique(byte[] document) => [.. document, .. Encoding.ASCII.GetBytes($"\n%vnx-fault {Guid.NewGuid():N}\n")];
}

/// <summary>What a client saw when it polled a job's status: HTTP status 0 means no answer (connection refused, timeout).</summary>
public sealed record JobObservation(TimeSpan At, int Http, string? Status, int Processed, string Detail)
{
    public bool IsTerminal => Status is "completed" or "failed" or "cancelled";
}

/// <summary>One uploaded job, the documents it holds and every status answer its client got.</summary>
public sealed class FaultJob(int index, IReadOnlyList<FaultDocument> files)
{
    private readonly Lock gate = new();
    private readonly List<JobObservation> observations = [];

    public int Index { get; } = index;

    public IReadOnlyList<FaultDocument> Files { get; } = files;

    public string JobId { get; set; } = "";

    /// <summary>The body of <c>GET /api/ocr/result/{jobId}</c> once the job finished.</summary>
    public string? ResultBody { get; set; }

    public IReadOnlyList<JobObservation> Observations
    {
        get
        {
            lock (gate)
            {
                return [.. observations];
            }
        }
    }

    /// <summary>The last answer with a body (HTTP 200), or null before the first.</summary>
    public JobObservation? LastAnswer => Observations.LastOrDefault(o => o.Http == 200);

    public void Record(JobObservation observation)
    {
        lock (gate)
        {
            observations.Add(observation);
        }
    }
}

/// <summary>
/// A fault scenario's workload and its clients: uploads jobs (each a unique text PDF plus one of a few shared scans, so
/// OCR work is really in flight), polls every job like a client does (retrying through connection errors and 5xx),
/// fetches the results, checks that nothing was lost or extracted twice, and prints when each job resumed after the
/// fault. Pollers stop when the run is disposed, also on failure.
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    /// <summary>Per scenario, on a loaded 2-core machine; a ceiling, never a sleep.</summary>
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(180);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly DistributedCluster cluster;
    private readonly ITestOutputHelper output;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> pollers = [];
    private readonly Dictionary<string, DateTimeOffset> processedAt = [];

    /// <summary>
    /// <paramref name="jobCount"/> jobs, job <c>i</c> holding a text PDF of its own and scan <c>i mod n</c> of
    /// <paramref name="scans"/>, so every scan is shared by several jobs (one extraction, the others from the cache).
    /// </summary>
    public FaultRun(DistributedCluster cluster, ITestOutputHelper output, int jobCount, IReadOnlyList<FaultDocument> scans)
    {
        this.cluster = cluster;
        this.output = output;
        Jobs = Enumerable.Range(0, jobCount)
            .Select(i => new FaultJob(i + 1, [FaultDocument.TextPdf($"외래기록-{i + 1:00}.pdf"), scans[i % scans.Count]]))
            .ToList();
    }

    public IReadOnlyList<FaultJob> Jobs { get; }

    /// <summary>Distinct documents of the workload: every one must be extracted exactly once (unless lost in flight).</summary>
    public int DistinctDocuments => Jobs.SelectMany(j => j.Files).Select(f => f.Sha256).Distinct().Count();

    /// <summary>Time since the run began (the origin of every observation).</summary>
    public TimeSpan Now => clock.Elapsed;

    /// <summary>Uploads every job (four at a time) and expects 202 with a job id for each.</summary>
    public async Task UploadAllAsync()
    {
        using var slots = new SemaphoreSlim(4);
        await Task.WhenAll(Jobs.Select(async job =>
        {
            await slots.WaitAsync();
            try
            {
                var answer = await UploadAsync(job);
                Assert.True(answer.Status == HttpStatusCode.Accepted, $"Expected job {job.Index} to be accepted; got {answer}\n{cluster.LogTails(25)}");
                using var json = JsonDocument.Parse(answer.Body);
                job.JobId = json.RootElement.GetProperty("jobId").GetString()!;
            }
            finally
            {
                slots.Release();
            }
        }));
        var scans = Jobs.SelectMany(j => j.Files).Where(f => f.IsScan).DistinctBy(f => f.Sha256).ToList();
        output.WriteLine($"{Now.TotalSeconds,6:0.0} s  {Jobs.Count} jobs accepted: {DistinctDocuments} distinct documents, {scans.Count} of them scans ({scans.Sum(s => s.Pages)} pages for OCR)");
    }

    /// <summary>Starts one client per job: polls its status until it finishes, then fetches its result.</summary>
    public void StartPolling()
    {
        foreach (var job in Jobs)
        {
            pollers.Add(Task.Run(() => PollAsync(job)));
        }
    }

    /// <summary>Waits until every job has answered at least once (so the state before a fault is known).</summary>
    public Task WaitForFirstAnswersAsync() =>
        WaitForJobsAsync(jobs => jobs.All(j => j.LastAnswer is not null), "a first status answer from every job");

    /// <summary>Waits until the clients' observations satisfy <paramref name="done"/>; fails at the deadline or when a poller failed.</summary>
    public Task WaitForJobsAsync(Func<IReadOnlyList<FaultJob>, bool> done, string what) =>
        cluster.WaitAsync(
            () =>
            {
                if (pollers.FirstOrDefault(p => p.IsFaulted) is { } failed)
                {
                    failed.GetAwaiter().GetResult();
                }

                return Task.FromResult(Jobs);
            },
            done,
            what,
            JobDeadline);

    /// <summary>Waits for every client to see its job finish and to fetch its result.</summary>
    public async Task WaitForAllResultsAsync() => await Task.WhenAll(pollers);

    /// <summary>
    /// Checks the results: every job completed with all its files; every file has its pages and text; and each document
    /// was extracted once as the clients can see it: one extraction summary (the same <c>processedAt</c> and
    /// <c>processingSteps</c>) in every job that holds it, and <c>fromCache</c> false in exactly one of them.
    /// </summary>
    public void AssertNothingLostOrExtractedTwice()
    {
        var byDocument = new Dictionary<string, List<(int Job, bool FromCache, string ProcessedAt, string Steps)>>();
        foreach (var job in Jobs)
        {
            var body = job.ResultBody ?? throw new InvalidOperationException($"job {job.Index} has no result");
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Assert.True(
                root.GetProperty("status").GetString() == "completed" && root.GetProperty("outcome").GetString() == "completed",
                $"job {job.Index} ({job.JobId}) did not complete with every file: {Shorten(body)}");
            var results = root.GetProperty("results");
            Assert.True(results.EnumerateObject().Count() == job.Files.Count, $"job {job.Index} lost files: {Shorten(body)}");
            for (var i = 0; i < job.Files.Count; i++)
            {
                var document = job.Files[i];
                var file = results.GetProperty($"file_{i + 1}");
                var where = $"job {job.Index} ({job.JobId}) file_{i + 1} {document.FileName}";
                Assert.Equal(document.FileName, file.GetProperty("filename").GetString());
                Assert.Equal(document.Sha256, file.GetProperty("sha256").GetString());
                Assert.False(file.TryGetProperty("error", out _), $"{where} failed: {file}");
                Assert.True(file.GetProperty("pageCount").GetInt32() == document.Pages, $"{where}: expected {document.Pages} pages; {Shorten(file.ToString())}");
                var pages = file.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("text").GetString() ?? "").ToList();
                Assert.True(pages.Count == document.Pages && pages.All(t => t.Trim().Length > 0), $"{where}: a page has no text (lost?): {Shorten(file.ToString())}");
                var steps = file.GetProperty("processingSteps");
                if (document.IsScan)
                {
                    var ocr = steps.EnumerateArray().Where(s => s.GetProperty("step").GetString() == "ocr").ToList();
                    Assert.True(
                        ocr.Count == 1 && ocr[0].GetProperty("status").GetString() == "completed",
                        $"{where}: expected one completed OCR step (every page recognised); steps {steps}");
                }
                else
                {
                    Assert.Contains("2024.03.07", file.GetProperty("mergedText").GetString(), StringComparison.Ordinal);
                }

                Assert.DoesNotContain(Fixtures.ResidentNumber, file.GetProperty("mergedText").GetString(), StringComparison.Ordinal);
                if (!byDocument.TryGetValue(document.Sha256, out var seen))
                {
                    byDocument[document.Sha256] = seen = [];
                }

                seen.Add((job.Index, file.GetProperty("fromCache").GetBoolean(), file.GetProperty("processedAt").GetRawText(), steps.GetRawText()));
            }
        }

        processedAt.Clear();
        foreach (var (sha256, seen) in byDocument)
        {
            var jobs = string.Join("; ", seen.Select(s => $"job {s.Job}: fromCache={s.FromCache}, processedAt={s.ProcessedAt}"));
            Assert.True(seen.Select(s => s.ProcessedAt).Distinct().Count() == 1, $"document {sha256[..12]} has several extraction summaries (extracted twice?): {jobs}");
            Assert.True(seen.Select(s => s.Steps).Distinct().Count() == 1, $"document {sha256[..12]} has several processingSteps (extracted twice?): {jobs}");
            Assert.True(seen.Count(s => !s.FromCache) == 1, $"document {sha256[..12]}: expected fromCache=false in exactly one job; {jobs}");
            processedAt[sha256] = DateTimeOffset.Parse(JsonSerializer.Deserialize<string>(seen[0].ProcessedAt)!, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Checks what a restart of the whole cluster would find in Redis (after <see cref="AssertNothingLostOrExtractedTwice"/>):
    /// every job's state says completed, and every document's OCR grain state keeps the summary the clients were given
    /// (same completion time), so the result is served, and never extracted again, once the activations are gone.
    /// </summary>
    public async Task AssertStateKeptInRedisAsync()
    {
        var problems = new List<string>();
        foreach (var job in Jobs)
        {
            using var state = await StoredStateAsync($"{cluster.ServiceId}/state/job/{job.JobId}/job");
            var status = Property(state, "Status");
            if (status is not { } value || !(value.ValueKind == JsonValueKind.Number ? value.GetInt32() == 2 : value.GetString() == "Completed"))
            {
                problems.Add($"job {job.Index} ({job.JobId}): stored status {status?.ToString() ?? "missing"}, expected Completed (2); state {Shorten(state?.RootElement.ToString() ?? "missing", 300)}");
            }
        }

        foreach (var (sha256, seen) in processedAt)
        {
            using var state = await StoredStateAsync($"{cluster.ServiceId}/state/ocr/{sha256}/ocr");
            if (Property(state, "Summary") is not { ValueKind: JsonValueKind.Object } kept)
            {
                var holders = string.Join(", ", Jobs.Where(j => j.Files.Any(f => f.Sha256 == sha256)).Select(j => j.Index));
                problems.Add($"document {sha256[..12]} (jobs {holders}): no summary stored (state {Shorten(state?.RootElement.ToString() ?? "missing", 300)}), although the clients got one made at {seen:O}");
            }
            else if (!kept.TryGetProperty("CompletedAt", out var made) || DateTimeOffset.Parse(made.GetString()!, CultureInfo.InvariantCulture) != seen)
            {
                problems.Add($"document {sha256[..12]}: stored summary made at {made}, the clients got one made at {seen:O}");
            }
        }

        Assert.True(problems.Count == 0, $"state in Redis does not match what the clients were told:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// Prints each job's client timeline relative to the fault: its state then, when its status was unavailable, when
    /// it answered again, when it next made progress (resumed) and when it finished.
    /// </summary>
    public void WriteTimeline(TimeSpan faultAt, string fault)
    {
        string Seconds(TimeSpan? t) => t is { } value ? (value - faultAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";
        var resumed = new List<(FaultJob Job, bool Unavailable, TimeSpan? Progress, TimeSpan? Done)>();
        output.WriteLine($"Client timeline, seconds after the {fault} (state then: status/files done):");
        output.WriteLine("  job  state          unavailable             answered  progressed  finished");
        foreach (var job in Jobs)
        {
            var all = job.Observations;
            var before = all.LastOrDefault(o => o.At <= faultAt && o.Http == 200);
            var after = all.Where(o => o.At > faultAt).ToList();
            var failures = after.Where(o => o.Http != 200).ToList();
            var answered = failures.Count > 0 ? after.FirstOrDefault(o => o.Http == 200 && o.At > failures[0].At)?.At : null;
            var progressed = before is { IsTerminal: true } ? null : after.FirstOrDefault(o => o.Http == 200 && (o.Processed > before?.Processed || o.IsTerminal))?.At;
            var done = after.FirstOrDefault(o => o.IsTerminal)?.At;
            var state = before is null ? "?" : $"{before.Status}/{before.Processed}";
            var unavailable = failures.Count == 0 ? "-" : $"{Seconds(failures[0].At)}..{Seconds(failures[^1].At)} ({failures.Count}x {failures[0].Http})";
            output.WriteLine($"  {job.Index,3}  {state,-15}{unavailable,-24}{Seconds(answered),-10}{Seconds(progressed),-12}{Seconds(done)}");
            if (before is not { IsTerminal: true })
            {
                resumed.Add((job, failures.Count > 0, progressed, done));
            }
        }

        if (resumed.Count > 0)
        {
            var progress = resumed.Where(r => r.Progress is not null).Select(r => (r.Progress!.Value - faultAt).TotalSeconds).Order().ToList();
            var lost = resumed.Where(r => r.Unavailable).ToList();
            output.WriteLine(
                $"{resumed.Count} jobs unfinished at the {fault}; they made progress again after " +
                $"median {Median(progress):0.0} s, max {progress.DefaultIfEmpty().Max():0.0} s; all finished within " +
                $"{resumed.Max(r => r.Done is { } d ? (d - faultAt).TotalSeconds : double.NaN):0.0} s. " +
                $"{lost.Count} of them were unavailable to their clients for a while" +
                (lost.Count > 0 ? $" and progressed again after max {lost.Max(r => r.Progress is { } p ? (p - faultAt).TotalSeconds : double.NaN):0.0} s." : "."));
        }
    }

    /// <summary>Completed extractions counted by a silo (<c>ocr_processing_duration_seconds_count</c>, summed over labels).</summary>
    public static double Extractions(string metrics) => Metric(metrics, "ocr_processing_duration_seconds_count");

    /// <summary>Extractions started on a silo (<c>ocr_cache_requests_total{result="miss"}</c>).</summary>
    public static double CacheMisses(string metrics) => Metric(metrics, "ocr_cache_requests_total", "result=\"miss\"");

    /// <summary>Jobs a silo's job grains are processing (<c>active_jobs</c>).</summary>
    public static double ActiveJobs(string metrics) => Metric(metrics, "active_jobs");

    /// <summary>Sums a Prometheus series over its labels (optionally only the series whose labels contain <paramref name="label"/>).</summary>
    public static double Metric(string metrics, string name, string? label = null) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(pollers);
        }
        catch
        {
            // The test already failed, or is done; the pollers only had to stop.
        }

        stop.Dispose();
    }

    private static JsonElement? Property(JsonDocument? state, string name) =>
        state is not null && state.RootElement.ValueKind == JsonValueKind.Object && state.RootElement.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The <c>data</c> field of a grain state hash (orleans.md §4.2), parsed, or null when there is no such record.</summary>
    private async Task<JsonDocument?> StoredStateAsync(string key) =>
        await RespClient.CommandAsync(cluster.RedisPort, "HGET", key, "data") is string data ? JsonDocument.Parse(data) : null;

    private async Task PollAsync(FaultJob job)
    {
        var status = new Uri(cluster.ApiAddress, $"/api/ocr/status/{job.JobId}");
        await cluster.WaitAsync(
            async () =>
            {
                stop.Token.ThrowIfCancellationRequested();
                var observation = Observe(await cluster.GetAsync(status, RequestTimeout));
                job.Record(observation);
                return observation;
            },
            o => o.IsTerminal,
            $"job {job.Index} ({job.JobId}) to finish",
            JobDeadline);

        var result = new Uri(cluster.ApiAddress, $"/api/ocr/result/{job.JobId}");
        var answer = await cluster.WaitAsync(
            () =>
            {
                stop.Token.ThrowIfCancellationRequested();
                return cluster.GetAsync(result, RequestTimeout);
            },
            a => a.Status == HttpStatusCode.OK,
            $"the result of job {job.Index} ({job.JobId})",
            TimeSpan.FromSeconds(60));
        job.ResultBody = answer.Body;
    }

    private JobObservation Observe(HttpAnswer answer)
    {
        if (answer.Status != HttpStatusCode.OK)
        {
            return new JobObservation(Now, (int)answer.Status, null, 0, ErrorCode(answer.Body) ?? Shorten(answer.Body, 160));
        }

        using var json = JsonDocument.Parse(answer.Body);
        var root = json.RootElement;
        return new JobObservation(Now, 200, root.GetProperty("status").GetString(), root.GetProperty("processedFiles").GetInt32(), "");
    }

    private async Task<HttpAnswer> UploadAsync(FaultJob job)
    {
        using var form = new MultipartFormDataContent();
        foreach (var document in job.Files)
        {
            var file = new ByteArrayContent(document.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
            form.Add(file, "files", document.FileName);
        }

        using var response = await cluster.Api.PostAsync("/api/ocr/upload", form);
        return new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The <c>code</c> of a v1 error body, or null when the body is not one.</summary>
    public static string? ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks every status answer the clients got that was neither a result (200) nor no answer at all (0): while the
    /// cluster settles after a fault, the API must answer 503 with the v1 body <c>SERVICE_UNAVAILABLE</c>, never a 500.
    /// </summary>
    public void AssertOutagesAnswered503()
    {
        var others = Jobs.SelectMany(j => j.Observations.Select(o => (j.Index, o)))
            .Where(x => x.o.Http is not (0 or 200))
            .ToList();
        var wrong = others.Where(x => x.o.Http != 503 || x.o.Detail != "SERVICE_UNAVAILABLE").ToList();
        output.WriteLine($"status answers other than 200 during the run: {others.Count} (all 503 SERVICE_UNAVAILABLE: {wrong.Count == 0})");
        Assert.True(wrong.Count == 0, "status answers that were not 503 SERVICE_UNAVAILABLE: " + string.Join("; ", wrong.Take(10).Select(x => $"job {x.Index} at {x.o.At.TotalSeconds:0.0} s: {x.o.Http} {x.o.Detail}")));
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

    private static string Shorten(string text, int length = 1500) => text.Length > length ? text[..length] + " …" : text;
}
