using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using VNexsus.Hosting;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Scheduling;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>
/// An engine that holds every page until the test lets it go, so the test decides when slots are full and sees the
/// order in which pages got a slot. It stands in for OCR time only; rendering, slots, grains and the board are real.
/// </summary>
public sealed class GatedEngine : IOcrEngine
{
    private readonly Channel<(int ImageBytes, TaskCompletionSource Release)> _started = Channel.CreateUnbounded<(int, TaskCompletionSource)>();

    public string Profile => "gated-test-engine";

    public async Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _started.Writer.TryWrite((page.Bytes.Length, release));
        await release.Task.WaitAsync(cancellationToken);
        return new RecognizedPage(page.Width, page.Height, [new TextBlock(0, "2024.03.07 내과 외래", null, 0.9)]);
    }

    /// <summary>The next page to get a slot: its image size (each test document has its own) and its release.</summary>
    public async Task<(int ImageBytes, TaskCompletionSource Release)> NextStartedAsync() =>
        await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
}

/// <summary>One silo with one OCR slot: the order of waiting pages and what a waiting job's status says.</summary>
public sealed class SchedulingTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private readonly GatedEngine _engine = new();
    private InProcessTestCluster _cluster = null!;
    private BlobStore _blobs = null!;

    public async Task InitializeAsync()
    {
        _blobs = new BlobStore(new DataDirectory(_directory.Path));
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IOcrEngine>(_engine);
            silo.Services.AddVNexsusGrainServices(_directory.Path, new OcrOptions
            {
                Engine = OcrEngineChoice.None,
                MaxConcurrentPagesPerSilo = 1,
                // The classes scaled down so the fixture image is small and a padded copy of it large.
                Scheduling = new SchedulingOptions { SmallBelowBytes = 100_000, MediumBelowBytes = 200_000, PublishPeriod = TimeSpan.FromMilliseconds(100) },
            });
            silo.UseVNexsusFilePersistence();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task With_the_slots_full_a_small_upload_runs_before_a_large_one_queued_earlier_and_both_report_where_they_wait()
    {
        var warmUp = await StartJobAsync(Image(padding: 16));
        var first = await _engine.NextStartedAsync();
        first.Release.SetResult();
        await ClusterFixture.WaitForFinishAsync(_cluster.Client, warmUp.JobId);

        var blocker = await StartJobAsync(Image(padding: 32));
        var blocking = await _engine.NextStartedAsync();
        var large = await StartJobAsync(Image(padding: 250_000));
        await WaitForEstimateAsync(large, e => e.Queued);
        var small = await StartJobAsync(Image(padding: 48));

        var smallWaits = await WaitForEstimateAsync(small, e => e.Queued);
        var largeWaits = await WaitForEstimateAsync(large, e => e.Queued && e.Position == 1);
        Assert.Equal(0, smallWaits.Position);
        Assert.Equal(1, smallWaits.PagesRemaining);
        Assert.NotNull(smallWaits.PagesPerSecond);
        Assert.True(largeWaits.Remaining > smallWaits.Remaining, $"large {largeWaits.Remaining}, small {smallWaits.Remaining}");

        blocking.Release.SetResult();
        var second = await _engine.NextStartedAsync();
        Assert.Equal(small.Size, second.ImageBytes);
        second.Release.SetResult();
        var third = await _engine.NextStartedAsync();
        Assert.Equal(large.Size, third.ImageBytes);
        third.Release.SetResult();
        foreach (var job in new[] { blocker, small, large })
        {
            Assert.Equal(JobStatus.Completed, (await ClusterFixture.WaitForFinishAsync(_cluster.Client, job.JobId)).Status);
        }
    }

    private static byte[] Image(int padding) => [.. Fixtures.Bytes(Fixtures.ScanJpeg), .. new byte[padding]];

    private async Task<(string JobId, string Sha256, long Size)> StartJobAsync(byte[] bytes)
    {
        using var staged = await _blobs.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None);
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, DocumentKind.Jpeg, staged.Length);
        var jobId = Guid.NewGuid().ToString();
        await _cluster.Client.GetGrain<IJobGrain>(jobId).Start(new JobRequest([new JobFile(1, "scan.jpg", "image/jpeg", document)], null));
        return (jobId, document.Sha256, document.Size);
    }

    private async Task<WorkEstimate> WaitForEstimateAsync((string JobId, string Sha256, long Size) job, Func<WorkEstimate, bool> condition) =>
        (await Eventually.Until(
            () => _cluster.Client.GetGrain<IOcrLoadGrain>(IOcrLoadGrain.Key).Estimate([job.Sha256]),
            e => e is not null && condition(e),
            $"the estimate of job {job.JobId}"))!;
}
