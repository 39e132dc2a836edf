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
}
