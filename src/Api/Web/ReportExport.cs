using System.Globalization;
using System.Text;
using System.Text.Json;
using VNexsus.Api.Auth;
using VNexsus.Api.Reports;
using VNexsus.Hosting;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Web;

/// <summary>
/// <c>GET /api/jobs/{jobId}/export?format=pdf|html|json|text</c> (optional <c>insuranceJoinDate</c>, <c>policy</c> as
/// for the report): the report of domain.md §9 as a download with a safe, meaningful file name
/// (<c>VNexsus_분석보고서_{date}_{case}.{ext}</c>), never cached.
/// </summary>
public static class ReportExport
{
    public static async Task<IResult> ExportAsync(
        string jobId, string? format, string? insuranceJoinDate, string? policy, string? contracts, IClusterClient cluster, TimeProvider clock, HttpContext context)
    {
        var kind = (format ?? "pdf").Trim().ToLowerInvariant();
        if (kind is not ("pdf" or "html" or "json" or "text" or "txt"))
        {
            return ReportLoader.Invalid("format", "내보내기 형식은 pdf, html, json, text 중 하나여야 합니다.");
        }

        var now = clock.GetUtcNow();
        var (report, problem) = await ReportLoader.LoadAsync(cluster, context.User.TenantId(), jobId, insuranceJoinDate, policy, contracts, now);
        if (report is null)
        {
            return problem!;
        }

        var stamp = now.ToOffset(KoreaTime.Offset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"VNexsus_분석보고서_{stamp}_{jobId[..8]}";
        context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.DocumentContentSecurityPolicy;
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
        at.ToOffset(KoreaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (KST)";

    private static string TextWithHeader(AnalysisReport report, DateTimeOffset now) =>
        $"사건 ID: {report.CaseBasicInfo.JobId}\n생성 시각: {GeneratedAtText(now)}\n\n" + ReportRenderer.Text(report);
}
