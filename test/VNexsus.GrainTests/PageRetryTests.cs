using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>
/// A page call that fails with a temporary error is retried by the OcrGrain. The retry runs after Polly's delay, and it
/// must still run on the grain's scheduler: on the thread pool the grain cannot reach its runtime, the second attempt
/// failed with "Activation access violation", and the scan ended as a failed file (the bug behind the kill -9 test).
/// </summary>
public sealed class PageRetryTests
{
    [Fact]
    public async Task A_page_failing_once_with_a_temporary_error_is_retried_and_the_scan_completes()
    {
        using var directory = new TemporaryDirectory();
        var engine = new FailingFirstEngine(new TesseractEngine(Options.Create(new TesseractOptions())));
        var cluster = ClusterFixture.Create(directory.Path, silos: 2, OcrEngineChoice.Tesseract, services => services.AddSingleton<IOcrEngine>(engine));
        await cluster.DeployAsync();
        try
        {
            var blobs = new BlobStore(new DataDirectory(directory.Path));
            using var staged = await blobs.StageAsync(new MemoryStream([.. Fixtures.Bytes(Fixtures.ScanPng), .. Guid.NewGuid().ToByteArray()]), long.MaxValue, CancellationToken.None);
            staged.Commit();
            var document = new DocumentRef(staged.Sha256, DocumentKind.Png, staged.Length);
            var jobId = Guid.NewGuid().ToString();

            await cluster.Client.GetGrain<IJobGrain>(jobId).Start(new JobRequest([new JobFile(1, "스캔.png", "image/png", document)], null));
            var job = await ClusterFixture.WaitForFinishAsync(cluster.Client, jobId);

            var file = Assert.Single(job.Files);
            Assert.True(job.Status == JobStatus.Completed, $"expected the job to complete; {job.Status}, file {file.Extraction}");
            Assert.Equal(1, engine.Failures);
            Assert.Contains(file.Extraction!.Steps, step => step.Step == "ocr_retry");
            Assert.Contains(file.Extraction.Steps, step => step.Step == "ocr" && step.Status == "completed");
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Fails its first page with a dropped connection (TEMPORARY), then recognises with the real engine.</summary>
    private sealed class FailingFirstEngine(IOcrEngine inner) : IOcrEngine
    {
        private int calls;

        public int Failures { get; private set; }

        public string Profile => inner.Profile;

        public Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                Failures++;
                throw new IOException("ECONNRESET (injected)");
            }

            return inner.RecognizeAsync(page, cancellationToken);
        }
    }
}
