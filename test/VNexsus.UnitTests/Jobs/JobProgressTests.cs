using VNexsus.Jobs;
using VNexsus.Ocr;

namespace VNexsus.UnitTests.Jobs;

public sealed class JobProgressTests
{
    [Fact]
    public void A_long_scan_moves_the_job_as_its_pages_are_read()
    {
        Assert.Equal(10, Job(JobStatus.Processing, Scan(pagesDone: 0, pagesTotal: 24)).Progress);
        Assert.Equal(50, Job(JobStatus.Processing, Scan(pagesDone: 12, pagesTotal: 24)).Progress);
        Assert.Equal(86, Job(JobStatus.Processing, Scan(pagesDone: 23, pagesTotal: 24)).Progress);
    }

    [Fact]
    public void Finished_files_count_whole_and_files_not_yet_in_ocr_count_nothing()
    {
        var done = File(1, FileStatus.Done);
        var failed = File(2, FileStatus.Failed);
        var readingTextLayer = File(3, FileStatus.Pending) with { Progress = new ExtractionProgress("c", ExtractionStage.TextLayer, 0, 0) };
        var waiting = File(4, FileStatus.Pending);

        Assert.Equal(50, Job(JobStatus.Processing, done, failed, readingTextLayer, waiting).Progress);
        Assert.Equal(60, Job(JobStatus.Processing, done, failed, Scan(pagesDone: 2, pagesTotal: 4), waiting).Progress);
        Assert.Equal(100, Job(JobStatus.PartiallyFailed, done, failed).Progress);
    }

    private static JobFileSnapshot Scan(int pagesDone, int pagesTotal) =>
        File(9, FileStatus.Pending) with { Progress = new ExtractionProgress("scan", ExtractionStage.Ocr, pagesDone, pagesTotal) };

    private static JobFileSnapshot File(int order, FileStatus status) =>
        new(new JobFile(order, $"{order}.pdf", "application/pdf", new DocumentRef($"sha{order}", DocumentKind.Pdf, 1)), status, FromCache: false, Extraction: null);

    private static JobSnapshot Job(JobStatus status, params JobFileSnapshot[] files) =>
        new("job", status, DateTimeOffset.UnixEpoch, null, files, null, null, 0, null, Tenants.Local);
}
