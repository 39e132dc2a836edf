using System.Globalization;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Rules;

namespace VNexsus.Api.Ocr;

/// <summary>Shapes jobs into the v1-compatible bodies of domain.md §4.1–4.3 (plus the additive fields of the plan).</summary>
public static class OcrResponses
{
    public static object Accepted(JobSnapshot job, bool idempotentReused) => new
    {
        jobId = job.JobId,
        idempotentReused,
        status = V1Status(job.Status),
        message = "파일 업로드가 완료되었습니다. 처리 상태는 statusUrl에서 확인하십시오.",
        statusUrl = $"/api/ocr/status/{job.JobId}",
        resultUrl = $"/api/ocr/result/{job.JobId}",
        estimatedTime = EstimatedSeconds(job),
        cacheStats = new { totalFiles = job.Files.Count, fromCache = job.FromCacheFiles, processed = job.Files.Count - job.FromCacheFiles },
    };

    /// <summary>
    /// The status body. With a <paramref name="work"/> estimate from the cluster's OCR load board the job is
    /// <c>queued</c> while its pages wait for a slot (with <c>position</c>: pages of other documents ahead of it), and
    /// <c>estimatedTimeRemaining</c> comes from the measured throughput; without one (no OCR work under way, or no page
    /// measured yet) it is the upload-size formula of domain.md §4.1 less the time elapsed.
    /// </summary>
    public static object Status(JobSnapshot job, DateTimeOffset now, WorkEstimate? work = null) => new
    {
        jobId = job.JobId,
        status = !job.IsTerminal && work is { Queued: true } ? "queued" : V1Status(job.Status),
        position = !job.IsTerminal && work is { Queued: true } ? work.Position : (int?)null,
        outcome = Outcome(job.Status),
        filesTotal = job.Files.Count,
        filesProcessed = job.ProcessedFiles,
        totalFiles = job.Files.Count,
        processedFiles = job.ProcessedFiles,
        progress = job.Progress,
        startTime = job.CreatedAt,
        startedAt = job.CreatedAt,
        createdAt = job.CreatedAt,
        completedAt = job.CompletedAt,
        error = job.Error,
        elapsedTime = KoreanDuration((job.CompletedAt ?? now) - job.CreatedAt),
        estimatedTimeRemaining = job.IsTerminal ? 0
            : work?.Remaining is { } remaining ? (int)Math.Ceiling(remaining.TotalSeconds)
            : Math.Max(0, EstimatedSeconds(job) - (int)(now - job.CreatedAt).TotalSeconds),
        estimateBasis = job.IsTerminal ? null : work?.Remaining is not null ? "measured_throughput" : "upload_size",
        pagesRemaining = job.IsTerminal ? (int?)null : work?.PagesRemaining,
        contracts = Contracts(job),
    };

    public static object NotReady(JobSnapshot job, DateTimeOffset now) => new
    {
        message = job.Status switch
        {
            JobStatus.Failed => "모든 파일 처리에 실패했습니다.",
            JobStatus.Cancelled => "취소된 작업입니다.",
            _ => "아직 처리 중입니다.",
        },
        status = V1Status(job.Status),
        progress = $"{job.ProcessedFiles}/{job.Files.Count}",
        elapsedTime = KoreanDuration((job.CompletedAt ?? now) - job.CreatedAt),
    };

    public static object Result(JobSnapshot job, IReadOnlyList<IReadOnlyList<ExtractedPage>> pagesByFile, AnalysisResult? analysis) => new
    {
        jobId = job.JobId,
        status = V1Status(job.Status),
        outcome = Outcome(job.Status),
        completedAt = job.CompletedAt,
        elapsedTime = KoreanDuration(job.CompletedAt!.Value - job.CreatedAt),
        fileCount = job.Files.Count,
        insuranceJoinDate = job.InsuranceJoinDate,
        contracts = Contracts(job),
        results = job.Files.Select((file, index) => (file, index)).ToDictionary(
            f => $"file_{f.index + 1}",
            f => FileRecord(f.file, pagesByFile[f.index])),
        events = analysis?.Events.Select(EventRecord).ToList() ?? [],
    };

    /// <summary>The v1 text format: a separator line per file in upload order, then its merged text.</summary>
    public static string Text(JobSnapshot job, IReadOnlyList<IReadOnlyList<ExtractedPage>> pagesByFile) =>
        string.Concat(job.Files.Select((file, index) => $"\n\n========== 파일: {file.File.FileName} ==========\n\n{MergedText(pagesByFile[index])}"));

    public static string MergedText(IReadOnlyList<ExtractedPage> pages) => string.Join("\n\n", pages.Select(p => p.Text).Where(t => t.Length > 0));

    /// <summary>
    /// v1 clients know <c>queued | processing | completed | failed</c>; a job with some failed files is completed with an
    /// outcome saying so; <c>cancelled</c> is new.
    /// </summary>
    public static string V1Status(JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Processing => "processing",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ => "completed",
    };

    /// <summary>The contracts the job reviews, as the upload gave them (a policy left out is the default one).</summary>
    private static IEnumerable<object> Contracts(JobSnapshot job) => job.ReviewedContracts().Select(c => new
    {
        contractId = c.ContractId,
        insuranceJoinDate = c.JoinDate,
        policy = c.PolicyId,
    });

    private static string? Outcome(JobStatus status) => status switch
    {
        JobStatus.Completed => "completed",
        JobStatus.PartiallyFailed => "partially_failed",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ => null,
    };

    private static object FileRecord(JobFileSnapshot file, IReadOnlyList<ExtractedPage> pages)
    {
        var extraction = file.Extraction;
        var record = new Dictionary<string, object?>
        {
            ["filename"] = file.File.FileName,
            ["fileSize"] = file.File.Document.Size,
            ["mimeType"] = file.File.MimeType,
            ["sha256"] = file.File.Document.Sha256,
            ["fromCache"] = file.FromCache,
            ["pageCount"] = extraction?.PageCount ?? 0,
            ["isScannedPdf"] = extraction?.IsScannedPdf ?? false,
            ["processingSteps"] = extraction?.Steps.Select(s => new
            {
                step = s.Step,
                status = s.Status,
                message = s.Message,
                timestamp = s.Timestamp,
                duration = Math.Round(s.Duration.TotalMilliseconds),
            }).ToList() ?? [],
            ["textSource"] = TextSourceName(extraction?.TextSource ?? TextSource.None),
            ["ocrSource"] = null,
            ["mergedText"] = MergedText(pages),
            ["textLength"] = extraction?.TextLength ?? 0,
            ["pages"] = pages.Select(p => new { page = p.Page, text = p.Text }).ToList(),
            ["processingTime"] = $"{(extraction?.Duration ?? TimeSpan.Zero).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}초",
            ["processedAt"] = extraction?.CompletedAt,
        };
        if (file.Status == FileStatus.Failed)
        {
            record["error"] = true;
            record["errorMessage"] = extraction?.ErrorMessage;
            record["errorDetail"] = extraction?.ErrorCode;
        }

        return record;
    }

    private static object EventRecord(MedicalEvent medicalEvent) => new
    {
        eventId = medicalEvent.EventId,
        date = DateText(medicalEvent.Date),
        precision = medicalEvent.Date.Precision == DatePrecision.Month ? "month" : "day",
        period = medicalEvent.Date.PeriodEnd is { } end ? new { start = DateText(medicalEvent.Date), end = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : null,
        time = medicalEvent.Date.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
        yearUnresolved = medicalEvent.Date.YearUnresolved,
        raw = medicalEvent.Date.Raw,
        type = VNexsus.Rules.Report.ReportText.TypeName(medicalEvent.Type),
        hospital = medicalEvent.Hospital,
        department = medicalEvent.Department,
        diagnoses = medicalEvent.Diagnoses.Select(d => new { code = d.Code, name = d.Name }).ToList(),
        otherDates = medicalEvent.OtherDates.Select(DateText).ToList(),
        reviewNeeded = medicalEvent.ReviewNeeded,
        evidence = new
        {
            fileOrder = medicalEvent.Evidence.FileOrder,
            fileName = medicalEvent.Evidence.FileName,
            page = medicalEvent.Evidence.Page,
            blockIndex = medicalEvent.Evidence.BlockIndex,
            quote = medicalEvent.Evidence.Quote,
        },
    };

    private static string DateText(FoundDate date) => VNexsus.Rules.Report.ReportBuilder.DateText(date);

    private static string TextSourceName(TextSource source) => source switch
    {
        TextSource.DirectText => "direct_text",
        TextSource.PdfParseOnly => "pdf_parse_only",
        TextSource.PdfParseWithOcr => "pdf_parse_with_ocr",
        TextSource.OcrOnly => "ocr_only",
        _ => "none",
    };

    /// <summary><c>ceil(5 + 2 × total MB)</c> seconds (domain.md §4.1).</summary>
    private static int EstimatedSeconds(JobSnapshot job) =>
        (int)Math.Ceiling(5 + 2 * job.Files.Sum(f => f.File.Document.Size) / (1024.0 * 1024.0));

    public static string KoreanDuration(TimeSpan elapsed)
    {
        var seconds = Math.Max(0, (long)elapsed.TotalSeconds);
        return seconds >= 60 ? $"{seconds / 60}분 {seconds % 60}초" : $"{seconds}초";
    }
}
