using VNexsus.Api.Ocr;
using VNexsus.Jobs;
using VNexsus.Ocr;

namespace VNexsus.Api.Web;

/// <summary>
/// The job as the web app's progress view shows it: the job's stage (queued, reading files, rules and report, done) and
/// each file's stage (queued, text layer, OCR page n of m as the OCR grain reports it, read by text layer or OCR with
/// its page count, failed with its message).
/// </summary>
public static class ProgressView
{
    public static object Of(JobSnapshot job, DateTimeOffset now)
    {
        var stage = Stage(job);
        return new
        {
            jobId = job.JobId,
            status = OcrResponses.V1Status(job.Status),
            terminal = job.IsTerminal,
            stage,
            stageLabel = StageLabel(stage, job),
            progress = job.Progress,
            totalFiles = job.Files.Count,
            processedFiles = job.ProcessedFiles,
            createdAt = job.CreatedAt,
            completedAt = job.CompletedAt,
            elapsedTime = OcrResponses.KoreanDuration((job.CompletedAt ?? now) - job.CreatedAt),
            insuranceJoinDate = job.InsuranceJoinDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            policyId = job.PolicyId,
            eventCount = job.EventCount,
            error = job.Error,
            files = job.Files.Select((file, index) => File(index + 1, file, job)).ToList(),
        };
    }

    /// <summary><c>queued | reading | rules | completed | partially_failed | failed | cancelled</c>.</summary>
    public static string Stage(JobSnapshot job) => job.Status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Completed => "completed",
        JobStatus.PartiallyFailed => "partially_failed",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ when job.Files.Count > 0 && job.Files.All(f => f.Status != FileStatus.Pending) => "rules",
        _ => "reading",
    };

    private static string StageLabel(string stage, JobSnapshot job) => stage switch
    {
        "queued" => "대기 중",
        "reading" => $"파일 읽는 중 ({job.ProcessedFiles}/{job.Files.Count}){OcrPages(job)}",
        "rules" => "의료 이벤트 추출·보고서 작성 중",
        "completed" => "완료",
        "partially_failed" => "완료 (일부 파일을 읽지 못했습니다)",
        "failed" => "실패 (읽을 수 있는 파일이 없습니다)",
        "cancelled" => "취소됨",
        _ => stage,
    };

    /// <summary>" · OCR 페이지 n / m" over the files whose pages are being recognised, or nothing.</summary>
    private static string OcrPages(JobSnapshot job)
    {
        var ocr = job.Files.Select(f => f.Progress).OfType<ExtractionProgress>().Where(p => p.Stage == ExtractionStage.Ocr).ToList();
        return ocr.Count == 0 ? "" : $" · OCR 페이지 {ocr.Sum(p => p.PagesDone)} / {ocr.Sum(p => p.PagesTotal)}";
    }

    private static (string Stage, string Label) Pending(JobFileSnapshot file) => file.Progress switch
    {
        { Stage: ExtractionStage.Ocr } ocr => ("ocr", $"OCR 페이지 {ocr.PagesDone} / {ocr.PagesTotal}"),
        { Stage: ExtractionStage.TextLayer } => ("text_layer", file.File.Document.Kind == DocumentKind.Pdf ? "텍스트 레이어 읽는 중" : "파일 여는 중"),
        _ => ("queued", "대기 중"),
    };

    private static object File(int index, JobFileSnapshot file, JobSnapshot job)
    {
        var extraction = file.Extraction;
        var (stage, label) = file.Status switch
        {
            FileStatus.Pending when job.Status == JobStatus.Cancelled => ("cancelled", "취소되어 읽지 않음"),
            FileStatus.Pending => Pending(file),
            FileStatus.Failed => ("failed", extraction?.ErrorMessage is { Length: > 0 } message ? $"읽지 못함: {message}" : "읽지 못함"),
            _ => ("done", DoneLabel(extraction, file.FromCache)),
        };
        return new
        {
            index,
            fileName = file.File.FileName,
            size = file.File.Document.Size,
            status = file.Status switch { FileStatus.Pending => "pending", FileStatus.Done => "done", _ => "failed" },
            stage,
            stageLabel = label,
            fromCache = file.FromCache,
            ocrPagesDone = stage == "ocr" ? file.Progress!.PagesDone : (int?)null,
            ocrPagesTotal = stage == "ocr" ? file.Progress!.PagesTotal : (int?)null,
            pageCount = extraction?.PageCount ?? 0,
            textSource = extraction?.TextSource.ToString(),
            steps = extraction?.Steps.Select(s => new { step = s.Step, status = s.Status, message = s.Message }).ToList(),
            errorMessage = file.Status == FileStatus.Failed ? extraction?.ErrorMessage : null,
        };
    }

    private static string DoneLabel(ExtractionSummary? extraction, bool fromCache)
    {
        var how = extraction?.TextSource switch
        {
            TextSource.DirectText => "텍스트로 읽음",
            TextSource.PdfParseOnly => "PDF 텍스트 레이어로 읽음",
            TextSource.PdfParseWithOcr => "텍스트 레이어와 OCR로 읽음",
            TextSource.OcrOnly => "OCR로 읽음",
            _ => "읽음",
        };
        var pages = extraction is { PageCount: > 0 } ? $" · {extraction.PageCount}쪽" : "";
        return $"{how}{pages}{(fromCache ? " · 캐시" : "")}";
    }
}
