using System.Text;
using System.Text.Json;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>The embedded mode keeps everything under its data directory: a new cluster on the same directory serves old jobs.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Finished_jobs_and_cached_extractions_survive_a_restart()
    {
        using var directory = new TemporaryDirectory();
        var blobs = new BlobStore(new DataDirectory(directory.Path));
        using var staged = await blobs.StageAsync(new MemoryStream(Fixtures.UniqueText("2024.05.20 외래")), long.MaxValue, CancellationToken.None);
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, DocumentKind.Text, staged.Length);
        var jobId = Guid.NewGuid().ToString();

        var first = ClusterFixture.Create(directory.Path, silos: 1);
        await first.DeployAsync();
        await first.Client.GetGrain<IJobGrain>(jobId).Start(new JobRequest([new JobFile(1, "a.txt", "text/plain", document)], new DateOnly(2024, 6, 1)));
        var before = await ClusterFixture.WaitForFinishAsync(first.Client, jobId);
        await first.DisposeAsync();

        var second = ClusterFixture.Create(directory.Path, silos: 1);
        await second.DeployAsync();
        try
        {
            var after = await second.Client.GetGrain<IJobGrain>(jobId).GetSnapshot();
            Assert.NotNull(after);
            Assert.Equal(JobStatus.Completed, after.Status);
            Assert.Equal(before.CompletedAt, after.CompletedAt);
            Assert.Equal(new DateOnly(2024, 6, 1), after.InsuranceJoinDate);
            Assert.Equal(Tenants.Local, after.TenantId); // stored without a tenant, as before tenants existed

            var ticket = await second.Client.GetGrain<IOcrGrain>(document.Sha256).Start(document, Guid.NewGuid().ToString());
            Assert.True(ticket.FromCache);
            Assert.NotNull(ticket.Completed);
            Assert.Equal(1, CountingExtractor.CountFor(document.Sha256));

            var analysis = await second.Client.GetGrain<IRuleGrain>(after.AnalysisKey!).GetResult();
            Assert.Equal(new DateOnly(2024, 5, 20), Assert.Single(analysis!.Events).Date.Date);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>
    /// A restart mid-job: the job's "resume" reminder is kept in the data directory, so the new process brings the job
    /// back and finishes it although no client asks. Completion is observed in the job's state file, read straight from
    /// the data directory: asking the grain would activate it and resume the job by itself.
    /// </summary>
    [Fact]
    public async Task A_job_interrupted_by_a_restart_finishes_on_its_reminder_with_nobody_asking()
    {
        using var directory = new TemporaryDirectory();
        var blobs = new BlobStore(new DataDirectory(directory.Path));
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf).Concat(Encoding.ASCII.GetBytes($"\n%vnx-restart {Guid.NewGuid():N}\n")).ToArray();
        using var staged = await blobs.StageAsync(new MemoryStream(scan), long.MaxValue, CancellationToken.None);
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, DocumentKind.Pdf, staged.Length);
        var jobId = Guid.NewGuid().ToString();

        var first = ClusterFixture.Create(directory.Path, silos: 1, OcrEngineChoice.Tesseract);
        await first.DeployAsync();
        var started = await first.Client.GetGrain<IJobGrain>(jobId).Start(new JobRequest([new JobFile(1, "스캔.pdf", "application/pdf", document)], null));
        // Stopped while three pages wait for Tesseract: the extraction is abandoned and nothing of it is kept.
        await first.DisposeAsync();
        Assert.Equal(JobStatus.Processing, started.Status);
        Assert.Equal(JobStatus.Processing, StoredJobStatus(directory.Path, jobId));

        var second = ClusterFixture.Create(directory.Path, silos: 1, OcrEngineChoice.Tesseract);
        await second.DeployAsync();
        try
        {
            // Nobody calls the job; only its reminder (period 1 min) can bring it back.
            var status = await Eventually.Until(
                () => Task.FromResult(StoredJobStatus(directory.Path, jobId)),
                s => JobStatuses.IsTerminal(s),
                $"job {jobId} to finish after the restart with nobody asking",
                TimeSpan.FromMinutes(4));
            Assert.Equal(JobStatus.Completed, status);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>The status in a job grain's state file (FileGrainStorage: an ETag line, then Newtonsoft JSON).</summary>
    private static JobStatus StoredJobStatus(string dataDirectory, string jobId)
    {
        var path = ContentHash.ShardedPath(
            Path.Combine(new DataDirectory(dataDirectory).GrainState, StorageNames.Jobs, "job"),
            ContentHash.Of(GrainId.Create("job", jobId).ToString()),
            ".state");
        var text = File.ReadAllText(path);
        using var json = JsonDocument.Parse(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        var status = json.RootElement.GetProperty("Status");
        return status.ValueKind == JsonValueKind.Number ? (JobStatus)status.GetInt32() : Enum.Parse<JobStatus>(status.GetString()!);
    }
}
