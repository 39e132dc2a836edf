using Orleans.Runtime;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

[Collection(ClusterCollection.Name)]
public sealed class JobGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_job_of_a_text_pdf_completes_with_pages_and_dated_events()
    {
        var document = await fixture.StoreAsync(UniquePdf(), DocumentKind.Pdf);
        var jobId = Guid.NewGuid().ToString();

        var started = await fixture.Client.GetGrain<IJobGrain>(jobId).Start(Request(("진료기록.pdf", document)));
        var finished = await fixture.WaitForFinishAsync(jobId);

        Assert.Equal(JobStatus.Processing, started.Status);
        Assert.Equal(JobStatus.Completed, finished.Status);
        Assert.Equal(100, finished.Progress);
        var file = Assert.Single(finished.Files);
        Assert.Equal(FileStatus.Done, file.Status);
        Assert.False(file.FromCache);
        Assert.Equal(3, file.Extraction!.PageCount);
        var pages = await ReadPagesAsync(document.Sha256);
        Assert.Equal([1, 2, 3], pages.Select(p => p.Page).ToArray());
        Assert.Contains("2024.03.07", pages[0].Text);

        var analysis = await fixture.Client.GetGrain<IRuleGrain>(finished.AnalysisKey!).GetResult();
        Assert.NotNull(analysis);
        Assert.Equal(finished.EventCount, analysis.Events.Count);
        var first = analysis.Events[0];
        Assert.Equal(new DateOnly(2024, 3, 7), first.Date.Date);
        Assert.Equal(new Evidence(1, "진료기록.pdf", 1, 3, "진료일자: 2024.03.07 초진"), first.Evidence);
        Assert.Contains(analysis.Events, e => e.Date.Date == new DateOnly(2024, 6, 1) && e.Date.PeriodEnd == new DateOnly(2024, 6, 5));
    }

    [Fact]
    public async Task Ten_concurrent_jobs_of_the_same_bytes_extract_once()
    {
        var document = await fixture.StoreAsync(UniquePdf(), DocumentKind.Pdf);
        var jobIds = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid().ToString()).ToList();

        await Task.WhenAll(jobIds.Select(id => fixture.Client.GetGrain<IJobGrain>(id).Start(Request(("a.pdf", document)))));
        var finished = await Task.WhenAll(jobIds.Select(fixture.WaitForFinishAsync));

        Assert.Equal(1, CountingExtractor.CountFor(document.Sha256));
        Assert.All(finished, job => Assert.Equal(JobStatus.Completed, job.Status));
        Assert.Equal(1, finished.Count(job => !job.Files[0].FromCache));
        Assert.Single(finished.Select(job => job.Files[0].Extraction!.CompletedAt).Distinct());
    }

    [Fact]
    public async Task A_later_job_of_the_same_bytes_is_served_from_the_cache()
    {
        var document = await fixture.StoreAsync(Fixtures.UniqueText(), DocumentKind.Text);
        var firstId = Guid.NewGuid().ToString();
        await fixture.Client.GetGrain<IJobGrain>(firstId).Start(Request(("a.txt", document)));
        await fixture.WaitForFinishAsync(firstId);

        var second = await fixture.Client.GetGrain<IJobGrain>(Guid.NewGuid().ToString()).Start(Request(("b.txt", document)));

        Assert.True(second.Files[0].FromCache);
        Assert.Equal(FileStatus.Done, second.Files[0].Status);
        Assert.Equal(1, CountingExtractor.CountFor(document.Sha256));
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("deleted")]
    public async Task A_stored_extraction_that_cannot_be_read_is_not_served_and_the_document_is_read_again(string loss)
    {
        var document = await fixture.StoreAsync(Fixtures.UniqueText(), DocumentKind.Text);
        var firstId = Guid.NewGuid().ToString();
        await fixture.Client.GetGrain<IJobGrain>(firstId).Start(Request(("a.txt", document)));
        await fixture.WaitForFinishAsync(firstId);
        var stored = ContentHash.ShardedPath(new DataDirectory(fixture.DataDirectory.Path).Extractions, document.Sha256, ".json");
        if (loss == "damaged")
        {
            await File.WriteAllTextAsync(stored, "{\"pages\": [");
        }
        else
        {
            File.Delete(stored);
        }

        // As after a restart: the next activation knows only the stored state.
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var secondId = Guid.NewGuid().ToString();
        var second = await fixture.Client.GetGrain<IJobGrain>(secondId).Start(Request(("b.txt", document)));
        var finished = await fixture.WaitForFinishAsync(secondId);

        Assert.False(second.Files[0].FromCache);
        Assert.Equal(JobStatus.Completed, finished.Status);
        Assert.Equal(2, CountingExtractor.CountFor(document.Sha256));
        Assert.Contains("2024.03.07", (await ReadPagesAsync(document.Sha256))[0].Text);
    }

    [Fact]
    public async Task A_job_of_files_and_an_analysis_already_kept_is_finished_in_the_answer_to_its_start()
    {
        var document = await fixture.StoreAsync(Fixtures.UniqueText(), DocumentKind.Text);
        var firstId = Guid.NewGuid().ToString();
        await fixture.Client.GetGrain<IJobGrain>(firstId).Start(Request(("a.txt", document)));
        var first = await fixture.WaitForFinishAsync(firstId);
        var secondId = Guid.NewGuid().ToString();

        var second = await fixture.Client.GetGrain<IJobGrain>(secondId).Start(Request(("a.txt", document)));
        var asked = await fixture.Client.GetGrain<IJobGrain>(secondId).GetSnapshot();

        Assert.Equal(JobStatus.Completed, second.Status);
        Assert.NotNull(second.CompletedAt);
        Assert.Equal(first.AnalysisKey, second.AnalysisKey);
        Assert.Equal(first.EventCount, second.EventCount);
        Assert.True(second.Files[0].FromCache);
        Assert.Equal(JobStatus.Completed, asked!.Status);
        Assert.Equal(second.CompletedAt, asked.CompletedAt);
        Assert.Equal(1, CountingExtractor.CountFor(document.Sha256));
    }

    [Fact]
    public async Task A_keyed_reference_is_the_reference_GetGrain_returns()
    {
        var key = Guid.NewGuid().ToString();

        var job = fixture.Client.Grain<IJobGrain>(key);

        Assert.Equal(fixture.Client.GetGrain<IJobGrain>(key), job);
        Assert.Equal(fixture.Client.GetGrain<IOcrGrain>(key), fixture.Client.Grain<IOcrGrain>(key));
        Assert.NotEqual<object>(fixture.Client.GetGrain<IOcrGrain>(key), job);
        Assert.Null(await job.GetSnapshot());
    }

    [Fact]
    public async Task A_corrupt_file_fails_alone()
    {
        var corrupt = await fixture.StoreAsync([.. Fixtures.Bytes(Fixtures.TruncatedPdf), .. Guid.NewGuid().ToByteArray()], DocumentKind.Pdf);
        var scan = await fixture.StoreAsync([.. Fixtures.Bytes(Fixtures.ScanPng), .. Guid.NewGuid().ToByteArray()], DocumentKind.Png);
        var good = await fixture.StoreAsync(Fixtures.UniqueText(), DocumentKind.Text);
        var jobId = Guid.NewGuid().ToString();

        await fixture.Client.GetGrain<IJobGrain>(jobId).Start(Request(("bad.pdf", corrupt), ("scan.png", scan), ("good.txt", good)));
        var finished = await fixture.WaitForFinishAsync(jobId);

        Assert.Equal(JobStatus.PartiallyFailed, finished.Status);
        Assert.Equal([FileStatus.Failed, FileStatus.Failed, FileStatus.Done], finished.Files.Select(f => f.Status).ToArray());
        Assert.All(finished.Files.Take(2), f => Assert.False(string.IsNullOrWhiteSpace(f.Extraction!.ErrorMessage)));
        Assert.Contains("no OCR engine configured", finished.Files[1].Extraction!.ErrorMessage);
        Assert.Equal(1, finished.EventCount);
    }

    [Fact]
    public async Task A_job_whose_every_file_fails_is_failed()
    {
        var scan = await fixture.StoreAsync([.. Fixtures.Bytes(Fixtures.ScanJpeg), .. Guid.NewGuid().ToByteArray()], DocumentKind.Jpeg);
        var jobId = Guid.NewGuid().ToString();

        await fixture.Client.GetGrain<IJobGrain>(jobId).Start(Request(("scan.jpg", scan)));
        var finished = await fixture.WaitForFinishAsync(jobId);

        Assert.Equal(JobStatus.Failed, finished.Status);
        Assert.Null(finished.AnalysisKey);
        Assert.NotNull(finished.Error);
    }

    [Fact]
    public async Task The_same_bytes_twice_in_one_job_extract_once()
    {
        var document = await fixture.StoreAsync(Fixtures.UniqueText(), DocumentKind.Text);
        var jobId = Guid.NewGuid().ToString();

        await fixture.Client.GetGrain<IJobGrain>(jobId).Start(Request(("a.txt", document), ("copy.txt", document)));
        var finished = await fixture.WaitForFinishAsync(jobId);

        Assert.Equal(JobStatus.Completed, finished.Status);
        Assert.Equal([false, true], finished.Files.Select(f => f.FromCache).ToArray());
        Assert.Equal(1, CountingExtractor.CountFor(document.Sha256));
    }

    [Fact]
    public async Task Starting_a_job_again_changes_nothing()
    {
        var document = await fixture.StoreAsync(Fixtures.UniqueText(), DocumentKind.Text);
        var jobId = Guid.NewGuid().ToString();
        var job = fixture.Client.GetGrain<IJobGrain>(jobId);
        await job.Start(Request(("a.txt", document)));
        var finished = await fixture.WaitForFinishAsync(jobId);

        var again = await job.Start(Request(("other.txt", document), ("more.txt", document)));

        Assert.Equal(finished.CreatedAt, again.CreatedAt);
        Assert.Equal("a.txt", Assert.Single(again.Files).File.FileName);
    }

    [Fact]
    public async Task An_unknown_job_has_no_snapshot()
    {
        Assert.Null(await fixture.Client.GetGrain<IJobGrain>(Guid.NewGuid().ToString()).GetSnapshot());
    }

    private static JobRequest Request(params (string Name, DocumentRef Document)[] files) =>
        new(files.Select((f, i) => new JobFile(i + 1, f.Name, MimeOf(f.Document.Kind), f.Document)).ToList(), null);

    private static string MimeOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Png => "image/png",
        DocumentKind.Jpeg => "image/jpeg",
        _ => "text/plain",
    };

    /// <summary>The outpatient record with unique trailing bytes: a different document as far as hashing goes.</summary>
    private static byte[] UniquePdf() => [.. Fixtures.Bytes(Fixtures.OutpatientPdf), .. System.Text.Encoding.ASCII.GetBytes($"\n%{Guid.NewGuid():N}\n")];

    private async Task<List<ExtractedPage>> ReadPagesAsync(string sha256)
    {
        var pages = new List<ExtractedPage>();
        await foreach (var page in fixture.Client.GetGrain<IOcrGrain>(sha256).ReadPages())
        {
            pages.Add(page);
        }

        return pages;
    }
}
