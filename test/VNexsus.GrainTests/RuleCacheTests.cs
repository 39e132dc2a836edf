using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>
/// The rule grain's result cache on a real cluster whose clock the test moves: jobs with the same inputs reuse one
/// analysis while it is younger than the configured <see cref="RuleGrainOptions.CacheDuration"/>, and the first job
/// after that runs the rules again.
/// </summary>
public sealed class RuleCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(10);
    private readonly TemporaryDirectory _directory = new();
    private readonly TestClock _clock = new();
    private InProcessTestCluster _cluster = null!;
    private BlobStore _blobs = null!;

    public async Task InitializeAsync()
    {
        _blobs = new BlobStore(new DataDirectory(_directory.Path));
        _cluster = ClusterFixture.Create(_directory.Path, silos: 2, services: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(Options.Create(new RuleGrainOptions { CacheDuration = CacheDuration }));
        });
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Jobs_with_the_same_inputs_reuse_one_analysis_until_the_configured_cache_duration_has_passed()
    {
        var document = await StoreAsync(Fixtures.UniqueText("2024.03.07 내과 외래 진료\n진단명: 본태성 고혈압 (I10)"));
        var first = await RunJobAsync(document);
        var analysedAt = (await AnalysisOf(first)).CreatedAt;

        _clock.Advance(CacheDuration - TimeSpan.FromMinutes(1));
        var second = await RunJobAsync(document);

        Assert.Equal(first.AnalysisKey, second.AnalysisKey);
        Assert.Equal(analysedAt, (await AnalysisOf(second)).CreatedAt);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var third = await RunJobAsync(document);

        var rerun = await AnalysisOf(third);
        Assert.Equal(first.AnalysisKey, third.AnalysisKey);
        Assert.Equal(_clock.GetUtcNow(), rerun.CreatedAt);
        Assert.Equal(third.EventCount, rerun.Events.Count);
        Assert.Contains(rerun.Events, e => e.Date.Date == new DateOnly(2024, 3, 7) && e.Diagnoses.Any(d => d.Code == "I10"));
    }

    [Fact]
    public async Task Another_enrollment_date_is_another_analysis()
    {
        var document = await StoreAsync(Fixtures.UniqueText());
        var withoutDate = await RunJobAsync(document);
        var withDate = await RunJobAsync(document, new DateOnly(2024, 6, 1));

        Assert.NotEqual(withoutDate.AnalysisKey, withDate.AnalysisKey);
        Assert.False((await AnalysisOf(withoutDate)).Disclosure.JoinDateAvailable);
        Assert.Equal(new DateOnly(2024, 6, 1), (await AnalysisOf(withDate)).Disclosure.JoinDate);
    }

    private async Task<DocumentRef> StoreAsync(byte[] bytes)
    {
        using var staged = await _blobs.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None);
        staged.Commit();
        return new DocumentRef(staged.Sha256, DocumentKind.Text, staged.Length);
    }

    private async Task<JobSnapshot> RunJobAsync(DocumentRef document, DateOnly? joinDate = null)
    {
        var jobId = Guid.NewGuid().ToString();
        await _cluster.Client.GetGrain<IJobGrain>(jobId).Start(new JobRequest([new JobFile(1, "기록.txt", "text/plain", document)], joinDate));
        var finished = await ClusterFixture.WaitForFinishAsync(_cluster.Client, jobId);
        Assert.Equal(JobStatus.Completed, finished.Status);
        return finished;
    }

    private async Task<AnalysisResult> AnalysisOf(JobSnapshot job) =>
        (await _cluster.Client.GetGrain<IRuleGrain>(job.AnalysisKey!).GetResult())!;

    /// <summary>A clock the test moves by hand; grains on any silo thread read it.</summary>
    private sealed class TestClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
