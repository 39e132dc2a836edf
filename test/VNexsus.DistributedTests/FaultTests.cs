using System.Net;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace VNexsus.DistributedTests;

/// <summary>
/// Faults applied to the real distributed mode (two silo processes, the API process, <c>redis-server</c> with AOF):
/// the API restarted, Redis restarted, a silo killed with <c>kill -9</c>, each while jobs run, and finally no silo at
/// all. Every job must complete with every file, no document may be extracted twice (orleans.md §5, §10.3; issue 5
/// item 4), and while the cluster cannot serve a request the API answers 503 with the v1 body, never 500.
/// </summary>
/// <remarks>
/// The scenarios share one cluster to keep CI time down; they run in the order below (the kills last) and each first
/// restores whatever an earlier one left down, so any one of them also runs alone. Every workload uses fresh
/// documents, so no scenario is served from another's cache; metric counters are compared as differences.
/// </remarks>
[TestCaseOrderer("VNexsus.DistributedTests.FaultOrderer", "VNexsus.DistributedTests")]
public sealed class FaultTests(DistributedCluster cluster, ITestOutputHelper output) : IClassFixture<DistributedCluster>
{
    /// <summary>How long StackExchange.Redis keeps a command in its backlog while disconnected (5 s), plus a margin.</summary>
    private static readonly TimeSpan StoreCommandTimeout = TimeSpan.FromSeconds(6);

    [Fact, FaultOrder(1)]
    public async Task Api_restarted_while_jobs_run_clients_keep_polling_and_get_their_results()
    {
        await cluster.EnsureWholeAsync();
        WriteTimings();
        await using var run = new FaultRun(cluster, output, jobCount: 10, [FaultDocument.ScanImage("스캔-1.png"), FaultDocument.ScannedPdf("스캔기록-2.pdf")]);
        var before = await ExtractionsAsync();
        await run.UploadAllAsync();
        run.StartPolling();
        await run.WaitForFirstAnswersAsync();

        var killedAt = run.Now;
        var unfinished = run.Jobs.Count(j => j.LastAnswer is not { IsTerminal: true });
        cluster.KillApi();
        cluster.RestartApi();
        output.WriteLine($"{killedAt.TotalSeconds,6:0.0} s  API killed (kill -9) with {unfinished} of {run.Jobs.Count} jobs unfinished, and started again");
        Assert.True(unfinished > 0, "every job finished before the API was killed; the workload is too small to test anything");

        await AssertEveryJobDoneAndEachDocumentExtractedOnceAsync(run, before, killedAt, "API kill");
    }

    [Fact, FaultOrder(2)]
    public async Task Redis_restarted_while_jobs_run_every_job_completes()
    {
        await cluster.EnsureWholeAsync();
        WriteTimings();
        await using var run = new FaultRun(cluster, output, jobCount: 10, [FaultDocument.ScanImage("스캔-1.png"), FaultDocument.ScannedPdf("스캔기록-2.pdf")]);
        var before = await ExtractionsAsync();
        await run.UploadAllAsync();
        run.StartPolling();
        await run.WaitForFirstAnswersAsync();

        var stoppedAt = run.Now;
        var unfinished = run.Jobs.Count(j => j.LastAnswer is not { IsTerminal: true });
        var extractedBeforeStop = (await ExtractionsAsync()).Sum();
        await cluster.StopRedisAsync();
        output.WriteLine($"{stoppedAt.TotalSeconds,6:0.0} s  redis-server shut down (AOF flushed) with {unfinished} of {run.Jobs.Count} jobs unfinished, {extractedBeforeStop} extractions done");
        Assert.True(unfinished > 0, "every job finished before Redis stopped; the workload is too small to test anything");

        // Keep Redis down until an extraction finished meanwhile and longer than StackExchange.Redis keeps a command
        // waiting for a connection (5 s), so storing that result failed instead of waiting (at most 40 s if no
        // extraction finishes).
        TimeSpan? firstExtractedAt = null;
        var outage = await WaitOrGiveUpAsync(
            async () =>
            {
                if (firstExtractedAt is null && (await ExtractionsAsync()).Sum() > extractedBeforeStop)
                {
                    firstExtractedAt = run.Now;
                }

                return run.Now - firstExtractedAt > StoreCommandTimeout;
            },
            TimeSpan.FromSeconds(40));
        await cluster.RestartRedisAsync();
        var restartedAt = run.Now;
        output.WriteLine(
            $"{restartedAt.TotalSeconds,6:0.0} s  redis-server answers again on port {cluster.RedisPort}, down for {(restartedAt - stoppedAt).TotalSeconds:0.0} s " +
            (outage ? $"(an extraction finished {(firstExtractedAt!.Value - stoppedAt).TotalSeconds:0.0} s into the outage)" : "(no extraction finished while it was down)"));

        await AssertEveryJobDoneAndEachDocumentExtractedOnceAsync(run, before, stoppedAt, "Redis shutdown");
    }

    [Fact, FaultOrder(3)]
    public async Task Silo_killed_while_20_jobs_run_every_job_completes_and_nothing_is_extracted_twice()
    {
        await cluster.EnsureWholeAsync();
        WriteTimings();
        await using var run = new FaultRun(cluster, output, jobCount: 20, [.. Enumerable.Range(1, 3).Select(i => FaultDocument.ScannedPdf($"스캔기록-{i}.pdf"))]);
        var before = await ExtractionsAsync();
        await run.UploadAllAsync();
        run.StartPolling();
        await run.WaitForFirstAnswersAsync();

        // Kill the silo whose job grains hold more of the jobs; read what it had extracted just before.
        var metrics = await Task.WhenAll(cluster.SiloNames.Select((_, i) => cluster.SiloMetricsAsync(i)));
        var victim = FaultRun.ActiveJobs(metrics[1]) >= FaultRun.ActiveJobs(metrics[0]) ? 1 : 0;
        var survivor = 1 - victim;
        var victimExtractions = FaultRun.Extractions(metrics[victim]) - before[victim];
        var killedAt = run.Now;
        var unfinished = run.Jobs.Count(j => j.LastAnswer is not { IsTerminal: true });
        var startsBeforeKill = FaultRun.CacheMisses(metrics[survivor]);
        cluster.KillSilo(victim);
        using var stopWatching = new CancellationTokenSource();
        var restarts = WatchExtractionStartsAsync(survivor, startsBeforeKill, run, stopWatching.Token);
        output.WriteLine(
            $"{killedAt.TotalSeconds,6:0.0} s  {cluster.SiloNames[victim]} killed (kill -9) with {unfinished} of {run.Jobs.Count} jobs unfinished; " +
            $"active jobs per silo {string.Join("/", metrics.Select(m => FaultRun.ActiveJobs(m)))}; it had finished {victimExtractions} extractions");
        Assert.True(unfinished > 0, "every job finished before the kill; the workload is too small to test anything");

        await run.WaitForAllResultsAsync();
        var doneAt = run.Jobs.Max(j => j.Observations.First(o => o.IsTerminal).At);
        output.WriteLine($"{run.Now.TotalSeconds,6:0.0} s  every client has its result; the last job finished {(doneAt - killedAt).TotalSeconds:0.0} s after the kill (target: within 30 s)");
        await stopWatching.CancelAsync();
        var started = await restarts;
        output.WriteLine(
            started.Count == 0
                ? "no extraction started on the survivor after the kill"
                : $"extractions started on the survivor after the kill (interrupted ones done again, or first starts): {started.Count}, the first {(started[0] - killedAt).TotalSeconds:0.0} s and the last {(started[^1] - killedAt).TotalSeconds:0.0} s after it");
        run.WriteTimeline(killedAt, "kill -9");
        run.AssertNothingLostOrExtractedTwice();
        run.AssertOutagesAnswered503();
        await run.AssertStateKeptInRedisAsync();

        // An extraction that was running on the killed silo is legitimately done again on the survivor, but a document
        // extracted to the end is never extracted again: what the victim had finished by the kill plus everything the
        // survivor finished cannot exceed the number of documents.
        var survivorExtractions = FaultRun.Extractions(await cluster.SiloMetricsAsync(survivor)) - before[survivor];
        output.WriteLine(
            $"extractions: {victimExtractions} on {cluster.SiloNames[victim]} before the kill + {survivorExtractions} on {cluster.SiloNames[survivor]}; " +
            $"{run.DistinctDocuments} distinct documents");
        // Not asserted (it is about wasted work, not results): extractions whose activation Orleans deactivated under
        // them when the killed silo took their directory registration with it, and which ran on until they failed.
        output.WriteLine($"extractions that outlived their activation (\"invalid activation\" in the silo logs): {cluster.CountLogLines("Attempt to access an invalid activation")}");
        Assert.True(
            victimExtractions + survivorExtractions <= run.DistinctDocuments,
            $"{victimExtractions} + {survivorExtractions} extractions for {run.DistinctDocuments} documents: a finished extraction was done again");
    }

    [Fact, FaultOrder(4)]
    public async Task No_silo_reachable_every_job_endpoint_answers_503_with_the_v1_body()
    {
        await cluster.EnsureWholeAsync();
        WriteTimings();
        await using var run = new FaultRun(cluster, output, jobCount: 1, [FaultDocument.TextPdf("기록.pdf")]);
        await run.UploadAllAsync();
        run.StartPolling();
        await run.WaitForAllResultsAsync();
        var jobId = run.Jobs[0].JobId;

        // Both silos gone: the API is a client without a gateway, so every grain call fails (at once, or after the
        // response timeout for a call already sent), and every endpoint that needs the cluster must say "try again".
        cluster.KillSilo(0);
        cluster.KillSilo(1);
        output.WriteLine($"{run.Now.TotalSeconds,6:0.0} s  both silos killed (kill -9)");
        string[] paths =
        [
            $"/api/ocr/status/{jobId}",
            $"/api/ocr/result/{jobId}",
            $"/api/jobs/{jobId}/report",
            $"/api/ocr/blocks/{jobId}?file=1",
        ];
        foreach (var path in paths)
        {
            var answer = await cluster.WaitAsync(
                () => cluster.GetAsync(new Uri(cluster.ApiAddress, path), TimeSpan.FromSeconds(45)),
                a => a.Status is not (HttpStatusCode.OK or 0),
                $"GET {path} to fail while no silo runs",
                TimeSpan.FromSeconds(120));
            output.WriteLine($"{run.Now.TotalSeconds,6:0.0} s  GET {path.Replace(jobId, "{jobId}", StringComparison.Ordinal)} answered {(int)answer.Status} {FaultRun.ErrorCode(answer.Body)}");
            Assert.True(
                answer.Status == HttpStatusCode.ServiceUnavailable && FaultRun.ErrorCode(answer.Body) == "SERVICE_UNAVAILABLE",
                $"GET {path} answered {(int)answer.Status}, expected 503 SERVICE_UNAVAILABLE: {answer.Body}");
            using var body = JsonDocument.Parse(answer.Body);
            Assert.Equal("error", body.RootElement.GetProperty("status").GetString());
            Assert.Equal(30, body.RootElement.GetProperty("retryAfter").GetInt32());
        }
    }

    /// <summary>
    /// Polls a silo's count of started extractions (cache misses) once a second and returns when each new one was seen:
    /// after a kill, these are the interrupted extractions resumed on the survivor.
    /// </summary>
    private async Task<List<TimeSpan>> WatchExtractionStartsAsync(int silo, double baseline, FaultRun run, CancellationToken stop)
    {
        var seen = new List<TimeSpan>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await cluster.GetAsync(new Uri(cluster.SiloAddresses[silo], "/metrics"), TimeSpan.FromSeconds(5));
                if (answer.Status == HttpStatusCode.OK)
                {
                    var now = run.Now;
                    var started = (int)(FaultRun.CacheMisses(answer.Body) - baseline);
                    while (seen.Count < started)
                    {
                        seen.Add(now);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Done watching.
        }

        return seen;
    }

    /// <summary>The completed-extraction counter of each silo (0 for a silo that does not answer).</summary>
    private async Task<double[]> ExtractionsAsync() =>
        await Task.WhenAll(cluster.SiloNames.Select(async (name, i) =>
            cluster.IsRunning(name) ? FaultRun.Extractions(await cluster.SiloMetricsAsync(i)) : 0));

    /// <summary>
    /// The end of a fault in which no silo was lost: every client gets its result, nothing is lost, the stored state
    /// is what clients were told, and every document was extracted exactly once, cluster-wide.
    /// </summary>
    private async Task AssertEveryJobDoneAndEachDocumentExtractedOnceAsync(FaultRun run, double[] before, TimeSpan faultAt, string fault)
    {
        await run.WaitForAllResultsAsync();
        output.WriteLine($"{run.Now.TotalSeconds,6:0.0} s  every client has its result");
        run.WriteTimeline(faultAt, fault);
        run.AssertNothingLostOrExtractedTwice();
        await run.AssertStateKeptInRedisAsync();
        AssertExtractedOnce(run, before, await ExtractionsAsync());
    }

    private void AssertExtractedOnce(FaultRun run, double[] before, double[] after)
    {
        var perSilo = after.Select((a, i) => a - before[i]).ToList();
        output.WriteLine($"extractions per silo {string.Join(" + ", perSilo)} for {run.DistinctDocuments} distinct documents");
        Assert.True(
            perSilo.Sum() == run.DistinctDocuments,
            $"expected every one of the {run.DistinctDocuments} documents to be extracted exactly once; the silos counted {string.Join(" + ", perSilo)}\n{cluster.LogTails(30)}");
    }

    /// <summary>True when the condition came true before the limit, false when the limit passed first.</summary>
    private static async Task<bool> WaitOrGiveUpAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        try
        {
            await VNexsus.Testing.Eventually.Until(condition, done => done, "the condition", limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void WriteTimings()
    {
        output.WriteLine($"ServiceId {cluster.ServiceId}, ClusterId {cluster.ClusterId}, API {cluster.ApiAddress}, silos {string.Join(", ", cluster.SiloAddresses)}, redis {cluster.RedisPort}");
        foreach (var line in cluster.Timings)
        {
            output.WriteLine(line);
        }
    }
}

/// <summary>The position of a test in <see cref="FaultTests"/> (see <see cref="FaultOrderer"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FaultOrderAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}

/// <summary>Runs the tests of a class by their <see cref="FaultOrderAttribute"/>, then by name.</summary>
public sealed class FaultOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(FaultOrderAttribute).AssemblyQualifiedName).FirstOrDefault()?.GetConstructorArguments().FirstOrDefault() is int order ? order : int.MaxValue)
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
