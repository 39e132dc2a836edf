using UglyToad.PdfPig.Writer;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>Scanned pages are recognised by Tesseract on page grains spread over a three-silo cluster.</summary>
public sealed class OcrDistributionTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private Orleans.TestingHost.InProcessTestCluster _cluster = null!;
    private BlobStore _blobs = null!;

    public async Task InitializeAsync()
    {
        _blobs = new BlobStore(new DataDirectory(_directory.Path));
        _cluster = ClusterFixture.Create(_directory.Path, silos: 3, engine: OcrEngineChoice.Tesseract);
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_pages_of_one_scan_are_recognised_on_several_silos()
    {
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf);
        var ninePages = PdfMerger.Merge([scan, scan, scan]);

        var file = await RunJobAsync(ninePages, DocumentKind.Pdf);

        Assert.Equal(FileStatus.Done, file.Status);
        var extraction = file.Extraction!;
        Assert.Equal(9, extraction.PageCount);
        Assert.True(extraction.IsScannedPdf);
        Assert.Equal(TextSource.OcrOnly, extraction.TextSource);
        Assert.StartsWith("tesseract-kor+eng", extraction.OcrProfile);
        Assert.True(extraction.OcrSilos.Count >= 2, $"pages ran on {string.Join(", ", extraction.OcrSilos)}");
        var pages = await ReadPagesAsync(file.File.Document.Sha256);
        Assert.Equal(Enumerable.Range(1, 9), pages.Select(p => p.Page));
        Assert.All(pages, p => Assert.Equal(PageTextSource.Ocr, p.Source));
        Assert.Contains("2024.03.07", pages[0].Text);
        Assert.DoesNotContain(Fixtures.ResidentNumber, string.Concat(pages.Select(p => p.Text)));
        Assert.All(pages[0].Blocks, b => Assert.True(b.Box!.XMax <= pages[0].Width && b.Box.YMax <= pages[0].Height && b.Confidence is > 0 and <= 1));
    }

    [Fact]
    public async Task A_mixed_pdf_keeps_its_text_layer_and_ocrs_the_scanned_page()
    {
        var file = await RunJobAsync([.. Fixtures.Bytes(Fixtures.MixedPdf), .. Guid.NewGuid().ToByteArray()], DocumentKind.Pdf);

        Assert.Equal(TextSource.PdfParseWithOcr, file.Extraction!.TextSource);
        Assert.False(file.Extraction.IsScannedPdf);
        var pages = await ReadPagesAsync(file.File.Document.Sha256);
        Assert.Equal([PageTextSource.TextLayer, PageTextSource.Ocr, PageTextSource.TextLayer], pages.Select(p => p.Source).ToArray());
        Assert.Contains("2024", pages[1].Text);
    }

    [Fact]
    public async Task An_image_is_recognised_as_one_page()
    {
        var file = await RunJobAsync([.. Fixtures.Bytes(Fixtures.ScanJpeg), .. Guid.NewGuid().ToByteArray()], DocumentKind.Jpeg);

        Assert.Equal(FileStatus.Done, file.Status);
        Assert.Equal(TextSource.OcrOnly, file.Extraction!.TextSource);
        Assert.Contains("진료일자", (await ReadPagesAsync(file.File.Document.Sha256))[0].Text.Replace(" ", ""));
    }

    [Fact]
    public async Task The_jobs_observers_are_told_each_page_recognised()
    {
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf);
        var observer = new RecordingObserver();
        var reference = _cluster.Client.CreateObjectReference<IJobObserver>(observer);
        var jobId = Guid.NewGuid().ToString();
        var job = _cluster.Client.GetGrain<IJobGrain>(jobId);
        await job.Subscribe(reference);

        var file = await RunJobAsync([.. PdfMerger.Merge([scan, scan]), .. Guid.NewGuid().ToByteArray()], DocumentKind.Pdf, jobId);
        await Eventually.Until(() => Task.FromResult(observer.Jobs.Count), _ => observer.Jobs.Any(j => j.IsTerminal), "the finished job is pushed");

        Assert.Equal(FileStatus.Done, file.Status);
        var progress = observer.Jobs.Select(j => j.Files[0].Progress).OfType<ExtractionProgress>().ToList();
        // Notices are one-way calls that can overtake each other (the job drops one older than what it showed) and the
        // job's resume timer interleaves its own pushes, so their order is not asserted: that pages were counted is.
        var ocr = progress.Where(p => p.Stage == ExtractionStage.Ocr).ToList();
        Assert.All(ocr, p => Assert.Equal(6, p.PagesTotal));
        Assert.Contains(ocr, p => p.PagesDone > 0);
        Assert.Null(observer.Jobs.Last().Files[0].Progress);
        _cluster.Client.DeleteObjectReference<IJobObserver>(reference);
    }

    private sealed class RecordingObserver : IJobObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<JobSnapshot> Jobs { get; } = new();

        public Task JobChanged(JobSnapshot job)
        {
            Jobs.Enqueue(job);
            return Task.CompletedTask;
        }
    }

    private async Task<JobFileSnapshot> RunJobAsync(byte[] bytes, DocumentKind kind, string? jobId = null)
    {
        using var staged = await _blobs.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None);
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, kind, staged.Length);
        jobId ??= Guid.NewGuid().ToString();
        await _cluster.Client.GetGrain<IJobGrain>(jobId).Start(new JobRequest([new JobFile(1, "scan", "application/pdf", document)], null));
        return Assert.Single((await ClusterFixture.WaitForFinishAsync(_cluster.Client, jobId)).Files);
    }

    private async Task<List<ExtractedPage>> ReadPagesAsync(string sha256)
    {
        var pages = new List<ExtractedPage>();
        await foreach (var page in _cluster.Client.GetGrain<IOcrGrain>(sha256).ReadPages())
        {
            pages.Add(page);
        }

        return pages;
    }
}
