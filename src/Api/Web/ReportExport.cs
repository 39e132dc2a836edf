using System.Globalization;
using System.Text;
using System.Text.Json;
using VNexsus.Jobs;
using VNexsus.Rules;
using VNexsus.Rules.Disclosure;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Web;

/// <summary>
/// <c>GET /api/jobs/{jobId}/export?format=pdf|html|json|text</c> (optional <c>insuranceJoinDate</c>, <c>policy</c> as
/// for the report): the report of domain.md §9 as a download with a safe, meaningful file name
/// (<c>VNexsus_분석보고서_{date}_{case}.{ext}</c>), never cached.
/// </summary>
public static class ReportExport
{
    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    public static async Task<IResult> ExportAsync(
        string jobId, string? format, string? insuranceJoinDate, string? policy, IClusterClient cluster, TimeProvider clock, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var kind = (format ?? "pdf").Trim().ToLowerInvariant();
        if (kind is not ("pdf" or "html" or "json" or "text" or "txt"))
        {
            return Invalid("format", "내보내기 형식은 pdf, html, json, text 중 하나여야 합니다.");
        }

        var now = clock.GetUtcNow();
        var (report, problem) = await LoadAsync(cluster, jobId, insuranceJoinDate, policy, now);
        if (report is null)
        {
            return problem!;
        }

        var stamp = now.ToOffset(KoreaOffset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"VNexsus_분석보고서_{stamp}_{jobId[..8]}";
        return kind switch
        {
            "pdf" => Results.File(ReportPdf.Render(report, now), "application/pdf", name + ".pdf"),
            "html" => Results.File(Encoding.UTF8.GetBytes(ReportRenderer.Html(report)), "text/html; charset=utf-8", name + ".html"),
            "json" => Results.File(JsonSerializer.SerializeToUtf8Bytes(report, WebJson.Options), "application/json; charset=utf-8", name + ".json"),
            _ => Results.File(Encoding.UTF8.GetBytes(TextWithHeader(report, now)), "text/plain; charset=utf-8", name + ".txt"),
        };
    }

    /// <summary>Generation time as the exports print it: Korean time, to the minute.</summary>
    public static string GeneratedAtText(DateTimeOffset at) =>
        at.ToOffset(KoreaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (KST)";

    private static string TextWithHeader(AnalysisReport report, DateTimeOffset now) =>
        $"사건 ID: {report.CaseBasicInfo.JobId}\n생성 시각: {GeneratedAtText(now)}\n\n" + ReportRenderer.Text(report);

    /// <summary>
    /// The report for a finished job, for the job's enrollment date and default policy or for the ones given (another
    /// rule-grain key; the OCR results are reused). Mirrors <c>GET /api/jobs/{jobId}/report</c>.
    /// </summary>
    public static async Task<(AnalysisReport? Report, IResult? Problem)> LoadAsync(
        IClusterClient cluster, string jobId, string? insuranceJoinDate, string? policy, DateTimeOffset now)
    {
        if (await JobLookup.FindAsync(cluster, jobId) is not { } job)
        {
            return (null, Results.Json(new { error = "작업을 찾을 수 없습니다.", status = "error", code = "JOB_NOT_FOUND" }, statusCode: StatusCodes.Status404NotFound));
        }

        if (!job.IsTerminal)
        {
            return (null, Results.Json(new { message = "아직 처리 중입니다.", status = "processing" }, statusCode: StatusCodes.Status202Accepted));
        }

        var joinDate = job.InsuranceJoinDate;
        if (insuranceJoinDate is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(insuranceJoinDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, Invalid("insuranceJoinDate", "보험가입일은 yyyy-MM-dd 형식이어야 합니다."));
            }

            joinDate = parsed;
        }

        var policyId = string.IsNullOrWhiteSpace(policy) ? null : policy.Trim();
        if (policyId is not null)
        {
            try
            {
                new DisclosureReviewer(RuleData.Default.Policies).PolicyFor(policyId, out _);
            }
            catch (UnknownPolicyException)
            {
                return (null, Invalid("policy", "알 수 없는 고지 기간 정책입니다."));
            }
        }

        var documents = job.Files
            .Where(f => f.Status == FileStatus.Done)
            .Select(f => new AnalysisDocument(f.File.Order, f.File.FileName, f.File.Document.Sha256))
            .ToList();
        if (documents.Count == 0)
        {
            return (null, Results.Json(new { success = false, error = new { code = "CONFLICT", message = "분석할 수 있는 파일이 없습니다." } }, statusCode: StatusCodes.Status409Conflict));
        }

        var request = new AnalysisRequest(documents, joinDate, policyId);
        var key = AnalysisKey.Of(request);
        var rules = cluster.GetGrain<IRuleGrain>(key);
        var analysis = await rules.GetResult();
        if (analysis is null || analysis.RuleSetVersion != RuleEngine.Version)
        {
            await rules.Analyse(request);
            analysis = await rules.GetResult();
        }

        return (ReportBuilder.Build(analysis!, job.JobId, now), null);
    }

    private static IResult Invalid(string field, string message) =>
        Results.Json(
            new { success = false, error = new { code = "VALIDATION_ERROR", message, details = new { issues = new[] { new { field, message } } } } },
            statusCode: StatusCodes.Status400BadRequest);
}
